package de.akte.core.storage;

/** The blob may not be deleted yet: a retention period or a legal hold protects it. */
public class BlobRetainedException extends BlobStoreException {
    public BlobRetainedException(BlobId id, String reason) {
        super("blob " + id + " cannot be deleted: " + reason);
    }

    public BlobRetainedException(BlobId id, String reason, Throwable cause) {
        super("blob " + id + " cannot be deleted: " + reason, cause);
    }
}
