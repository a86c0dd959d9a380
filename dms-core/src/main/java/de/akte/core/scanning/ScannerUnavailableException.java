package de.akte.core.scanning;

/** The malware scanner cannot answer right now (not running, not configured, timed out); files wait for it. */
public class ScannerUnavailableException extends RuntimeException {
    public ScannerUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }

    public ScannerUnavailableException(String reason) {
        super(reason);
    }
}
