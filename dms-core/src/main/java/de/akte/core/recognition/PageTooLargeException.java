package de.akte.core.recognition;

/** A page image would take more pixels than the server renders; the message says how many and what to ask for. */
public class PageTooLargeException extends RuntimeException {

    public PageTooLargeException(String reason) {
        super(reason);
    }
}
