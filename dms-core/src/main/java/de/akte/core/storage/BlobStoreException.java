package de.akte.core.storage;

/** A blob store could not do what was asked (I/O, network, storage refused). */
public class BlobStoreException extends RuntimeException {
    public BlobStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public BlobStoreException(String message) {
        super(message);
    }
}
