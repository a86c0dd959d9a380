package de.akte.core.storage;

/** The bytes read back do not hash to the blob's id: storage corruption or tampering. */
public class BlobCorruptedException extends BlobStoreException {
    public BlobCorruptedException(BlobId expected, String actualSha256) {
        super("blob " + expected + " read back with SHA-256 " + actualSha256);
    }
}
