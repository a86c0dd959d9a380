package de.akte.ingest.cli;

/** The import cannot start as asked (bad manifest, missing source, refused batch); the message says why in one line. */
public class ImportUsageException extends RuntimeException {

    public ImportUsageException(String message) {
        super(message);
    }

    public ImportUsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
