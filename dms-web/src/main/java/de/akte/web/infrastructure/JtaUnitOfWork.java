package de.akte.web.infrastructure;

import de.akte.core.shared.ConcurrentChangeException;
import de.akte.core.shared.UnitOfWork;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The core's unit of work as a JTA transaction managed by the container. A transaction of its own that loses
 * a race with another (an optimistic lock, a deadlock, a serialization failure, a commit the manager refused) is
 * run again from the start, so conflicts between workers never reach a user or a document's status.
 */
@ApplicationScoped
public class JtaUnitOfWork implements UnitOfWork {

    private static final Logger LOG = Logger.getLogger(JtaUnitOfWork.class.getName());
    private static final int ATTEMPTS = 4;

    @Inject
    Transactions transactions;

    @Resource
    TransactionSynchronizationRegistry registry;

    @Override
    public <T> T call(Supplier<T> work) {
        if (registry.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
            // joined: a conflict surfaces at the commit of whoever began the transaction
            return work.get();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.required(work);
            } catch (Exception e) {
                // the interceptor rethrows a refused commit as the transaction manager's checked RollbackException
                if (!TransactionConflicts.isConflict(e)) {
                    throw e instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException("the transaction could not be committed", e);
                }
                if (attempt == ATTEMPTS) {
                    throw new ConcurrentChangeException("the records were changed by someone else at the same "
                            + "moment; please try again", e);
                }
                int tried = attempt;
                LOG.fine(() -> "transaction conflict, attempt " + tried + " of " + ATTEMPTS + ": " + e);
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10, 40L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a transaction", e);
        }
    }
}
