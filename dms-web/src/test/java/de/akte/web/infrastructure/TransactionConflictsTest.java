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
    void violatedConstraintsAndOrdinaryFailuresAreNotConflicts() {
        RollbackException refused = new RollbackException("ARJUNA016053");
        refused.initCause(new SQLException("duplicate key", "23505"));
        assertFalse(TransactionConflicts.isConflict(new RuntimeException(refused)));
        assertFalse(TransactionConflicts.isConflict(new IllegalArgumentException("bad input")));
    }
}
