package de.akte.core.storage;

/** No blob is stored under the id. */
public class BlobNotFoundException extends BlobStoreException {
    public BlobNotFoundException(BlobId id) {
        super("no blob " + id);
    }
}
