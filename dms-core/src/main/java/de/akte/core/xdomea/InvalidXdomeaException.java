package de.akte.core.xdomea;

/** An xdomea message that does not validate against the 3.1.0 schemas or lacks what the process needs. */
public class InvalidXdomeaException extends RuntimeException {
    public InvalidXdomeaException(String message, Throwable cause) {
        super(message, cause);
    }

    public InvalidXdomeaException(String message) {
        super(message);
    }
}
