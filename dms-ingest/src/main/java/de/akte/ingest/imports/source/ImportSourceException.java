package de.akte.ingest.imports.source;

/** The folder or ZIP cannot be imported as a whole (missing, unreadable, over a ZIP limit); the message says why. */
public class ImportSourceException extends RuntimeException {

    public ImportSourceException(String message) {
        super(message);
    }

    public ImportSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
