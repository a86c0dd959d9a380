package de.akte.core.shared;

/** Someone else changed the same records at the same moment, and trying again did not help; the work was undone. */
public class ConcurrentChangeException extends ConflictException {
    public ConcurrentChangeException(String message, Throwable cause) {
        super(message);
        initCause(cause);
    }
}
