package de.akte.core.storage;

/** The content exceeded the allowed size; nothing was stored. */
public class BlobTooLargeException extends BlobStoreException {
    private final long limit;

    public BlobTooLargeException(long limit) {
        super("content exceeds the limit of " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
