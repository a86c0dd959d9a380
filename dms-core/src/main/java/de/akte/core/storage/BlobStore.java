package de.akte.core.storage;

import java.io.InputStream;

/** Immutable, content-addressed storage for the bytes of document versions and renditions. */
public interface BlobStore {

    /**
     * Stores the stream's bytes under their SHA-256 and returns where they live. Streams the
     * content (never holds it in memory); identical content is stored once. The caller closes
     * the stream.
     *
     * @param maxBytes the size limit; more bytes than this abort the write with
     *                 {@link BlobTooLargeException} and leave nothing behind
     */
    StoredBlob put(InputStream content, long maxBytes);

    /** Opens the bytes of a blob; reading to the end verifies their SHA-256 (throws {@link BlobCorruptedException}). */
    InputStream open(BlobId id);

    /** Whether a blob with this id is stored. */
    boolean exists(BlobId id);

    /** Size in bytes of a stored blob. */
    long size(BlobId id);

    /** Removes a blob completely (on a versioned store: every object version). Absent blobs are ignored. */
    void delete(BlobId id);

    /** A short human-readable description for health output and logs (never credentials). */
    String describe();
}
