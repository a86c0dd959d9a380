package de.akte.core.scanning;

/**
 * The malware scanner answers, but could not finish this one file (it ran past its time, or answered with an
 * error about it). Unlike an absent scanner this may be the file's own doing (a decompression bomb that keeps clamd
 * busy), so the tries are counted and a file that never finishes is set aside as unscannable.
 */
public class ScanUnfinishedException extends RuntimeException {
    public ScanUnfinishedException(String reason, Throwable cause) {
        super(reason, cause);
    }

    public ScanUnfinishedException(String reason) {
        super(reason);
    }
}
