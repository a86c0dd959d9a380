package de.akte.ingest.cli;

/** The server cannot be reached or refused the credentials, so no further file can be sent in this run. */
class RunStoppedException extends RuntimeException {

    RunStoppedException(String message, Throwable cause) {
        super(message, cause);
    }
}
