package de.akte.core.application.documents;

/** The uploaded content is of a kind Akte does not accept as a record (e.g. an executable). */
public class UnacceptableContentException extends RuntimeException {
    public UnacceptableContentException(String message) {
        super(message);
    }
}
