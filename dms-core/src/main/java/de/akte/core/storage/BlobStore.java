package de.akte.core.storage;

import java.io.InputStream;
import java.time.Instant;

/** Immutable, content-addressed storage for the bytes of document versions and renditions. */
public interface BlobStore {

    /**
     * Stores the stream's bytes under their SHA-256 and returns where they live. Streams the
     * content (never holds it in memory); identical content is stored once. Empty content is a
     * valid blob. The caller closes the stream.
     *
     * <p>{@link StoredBlob#newlyStored()} is informative only: two concurrent puts of the same
     * bytes may both report {@code true}. Never delete a blob because a put reported it new —
     * another record may already refer to it.
     *
     * @param maxBytes the size limit; more bytes than this abort the write with
     *                 {@link BlobTooLargeException} and leave nothing behind
     */
    StoredBlob put(InputStream content, long maxBytes);

    /**
     * Opens the bytes of a blob (throws {@link BlobNotFoundException}); reading to the end
     * verifies their SHA-256 (throws {@link BlobCorruptedException}). The caller closes the stream.
     */
    InputStream open(BlobId id);

    /** Whether a blob with this id is stored. */
    boolean exists(BlobId id);

    /** Size in bytes of a stored blob (throws {@link BlobNotFoundException}). */
    long size(BlobId id);

    /**
     * Removes a blob completely (on a versioned store: every object version). Absent blobs are
     * ignored. A blob under retention or legal hold is refused with {@link BlobRetainedException}.
     */
    void delete(BlobId id);

    /**
     * Forbids deleting the blob before {@code until}. Only ever extends: an earlier instant than
     * the one already set changes nothing, because the blob may belong to several records.
     */
    void retainUntil(BlobId id, Instant until);

    /** Sets or releases a legal hold; while held, the blob cannot be deleted whatever its retention. */
    void setLegalHold(BlobId id, boolean hold);

    /** A short human-readable description for health output and logs (never credentials). */
    String describe();
}
