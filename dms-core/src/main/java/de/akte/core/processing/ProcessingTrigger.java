package de.akte.core.processing;

/** Wakes the processing workers after new work was committed, so nobody waits for the next poll. */
@FunctionalInterface
public interface ProcessingTrigger {
    void workCommitted();

    /** For callers that poll anyway (tests, the CLI). */
    static ProcessingTrigger none() {
        return () -> { };
    }
}
