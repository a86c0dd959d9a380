package de.akte.core.shared;

import java.util.function.Supplier;

/** Runs work in one database transaction; the container or a test provides it. */
public interface UnitOfWork {

    /** Runs the work in a transaction (joining one already active) and returns its result. */
    <T> T call(Supplier<T> work);

    /** Runs the work in a transaction (joining one already active). */
    default void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
