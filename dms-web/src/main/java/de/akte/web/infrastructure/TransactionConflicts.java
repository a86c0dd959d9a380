package de.akte.web.infrastructure;

import java.sql.SQLException;
import java.util.Set;

/** Recognises a transaction that failed only because another one changed the same rows at the same time. */
final class TransactionConflicts {

    // PostgreSQL: serialization failure, deadlock; H2: lock timeout, deadlock, concurrent update
    private static final Set<String> SQL_STATES = Set.of("40001", "40P01", "HYT00", "40000");
    private static final Set<String> CONFLICT_TYPES = Set.of(
            "jakarta.persistence.OptimisticLockException",
            "jakarta.persistence.PessimisticLockException",
            "jakarta.persistence.LockTimeoutException",
            "org.hibernate.StaleStateException",
            "org.hibernate.StaleObjectStateException",
            "org.hibernate.dialect.lock.OptimisticEntityLockException",
            "org.hibernate.exception.LockAcquisitionException",
            "org.hibernate.exception.LockTimeoutException",
            "org.hibernate.PessimisticLockException");
    private static final String ROLLBACK = "jakarta.transaction.RollbackException";

    private TransactionConflicts() {
    }

    /**
     * Two transactions that append to the audit chain at once may both take the next sequence number; the second
     * commit then violates the chain's primary key. Running it again appends after the first: a lost race, not bad
     * data (H2 names the index "AUDIT_ENTRY(SEQUENCE)", PostgreSQL the constraint "audit_entry_pkey").
     */
    private static boolean lostTheAuditChainRace(SQLException sql) {
        String message = sql.getMessage() == null ? "" : sql.getMessage().toLowerCase(java.util.Locale.ROOT);
        return "23505".equals(sql.getSQLState())
                && (message.contains("audit_entry_pkey") || message.contains("audit_entry(sequence)"));
    }

    /**
     * True for a lost race. A commit the transaction manager refused without a database error of another kind (a
     * violated constraint, say) is one too: the work was rolled back as a whole, so running it again is safe.
     */
    static boolean isConflict(Throwable failure) {
        boolean rolledBack = false;
        boolean otherDatabaseError = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                if (sql.getSQLState() != null && SQL_STATES.contains(sql.getSQLState())) {
                    return true;
                }
                if (lostTheAuditChainRace(sql)) {
                    return true;
                }
                otherDatabaseError = true;
            }
            for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
                if (CONFLICT_TYPES.contains(type.getName())) {
                    return true;
                }
                if (ROLLBACK.equals(type.getName())) {
                    rolledBack = true;
                }
            }
        }
        return rolledBack && !otherDatabaseError;
    }
}
