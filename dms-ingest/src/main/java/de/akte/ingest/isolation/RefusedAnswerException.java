package de.akte.ingest.isolation;

import java.io.IOException;

/** A reader process sent something the server does not accept: too large, malformed or of a class not allowed. */
public class RefusedAnswerException extends IOException {
    public RefusedAnswerException(String what) {
        super("refused " + what);
    }

    public RefusedAnswerException(String what, Throwable cause) {
        super("refused " + what, cause);
    }
}
