package de.akte.core.text;

/** The content could not be read; the message is a reason a user can understand. */
public class UnreadableContentException extends RuntimeException {
    public UnreadableContentException(String reason, Throwable cause) {
        super(reason, cause);
    }

    public UnreadableContentException(String reason) {
        super(reason);
    }
}
