package de.akte.core.search;

/**
 * The index could not take a change because its writer had stopped for good; it was reopened from its last
 * commit (or could not be), and the change must be applied again, e.g. from the outbox.
 */
public class IndexWriterReopenedException extends IllegalStateException {
    public IndexWriterReopenedException(String message, Throwable cause) {
        super(message, cause);
    }
}
