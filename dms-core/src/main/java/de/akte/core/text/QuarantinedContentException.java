package de.akte.core.text;

/**
 * The content was refused as dangerous or unacceptable (e.g. a decompression bomb) and is kept in quarantine;
 * the message is a reason a user can understand.
 */
public class QuarantinedContentException extends RuntimeException {
    public QuarantinedContentException(String reason, Throwable cause) {
        super(reason, cause);
    }

    public QuarantinedContentException(String reason) {
        super(reason);
    }
}
