package de.akte.ingest.isolation;

/** No reader process could be started (no {@code java}, a wrong class path): a fault of the server, not of a file. */
public class ReaderUnavailableException extends RuntimeException {
    public ReaderUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
