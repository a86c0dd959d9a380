package de.akte.web.infrastructure;

import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.RollbackException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransactionConflictsTest {

    @Test
    void recognisesLostRacesAnywhereInTheCauseChain() {
        assertTrue(TransactionConflicts.isConflict(new IllegalStateException(new OptimisticLockException("stale"))));
        assertTrue(TransactionConflicts.isConflict(new RuntimeException(new SQLException("deadlock", "40P01"))));
        assertTrue(TransactionConflicts.isConflict(new RuntimeException(new SQLException("serialize", "40001"))));
        assertTrue(TransactionConflicts.isConflict(new RuntimeException(new SQLException("lock timeout", "HYT00"))));
    }

    @Test
    void aCommitRefusedWithoutAnotherDatabaseErrorIsRetried() {
        assertTrue(TransactionConflicts.isConflict(new jakarta.transaction.TransactionalException("commit",
                new RollbackException("ARJUNA016053: Could not commit transaction."))));
    }

    @Test
    void twoAppendsToTheAuditChainAtOnceAreALostRace() {
        RollbackException h2 = new RollbackException("ARJUNA016053");
        h2.initCause(new SQLException("Unique index or primary key violation: \"PRIMARY KEY ON PUBLIC.AUDIT_ENTRY(SEQUENCE)"
                + " ( /* key:274 */ CAST(274 AS BIGINT), ...)\"", "23505"));
        assertTrue(TransactionConflicts.isConflict(new IllegalStateException(h2)));
        RollbackException postgres = new RollbackException("ARJUNA016053");
        postgres.initCause(new SQLException("ERROR: duplicate key value violates unique constraint \"audit_entry_pkey\"",
                "23505"));
        assertTrue(TransactionConflicts.isConflict(new IllegalStateException(postgres)));
    }

    @Test
    void violatedConstraintsAndOrdinaryFailuresAreNotConflicts() {
        RollbackException refused = new RollbackException("ARJUNA016053");
        refused.initCause(new SQLException("duplicate key", "23505"));
        assertFalse(TransactionConflicts.isConflict(new RuntimeException(refused)));
        assertFalse(TransactionConflicts.isConflict(new IllegalArgumentException("bad input")));
    }
}
