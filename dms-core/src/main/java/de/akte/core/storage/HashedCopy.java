package de.akte.core.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.security.MessageDigest;

/** The result of copying content to a channel while hashing it: the content's id and size. */
public record HashedCopy(BlobId id, long size) {

    private static final int BUFFER_SIZE = 64 * 1024;

    /**
     * Copies {@code content} to {@code out} through a fixed buffer, computing the SHA-256 on the
     * way, and stops with {@link BlobTooLargeException} as soon as more than {@code maxBytes}
     * arrived. The caller owns both ends and removes a partial target.
     */
    public static HashedCopy copy(InputStream content, WritableByteChannel out, long maxBytes)
            throws IOException {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("negative size limit: " + maxBytes);
        }
        MessageDigest digest = Sha256.newDigest();
        byte[] buffer = new byte[BUFFER_SIZE];
        long size = 0;
        int read;
        while ((read = content.read(buffer)) != -1) {
            size += read;
            if (size > maxBytes) {
                throw new BlobTooLargeException(maxBytes);
            }
            digest.update(buffer, 0, read);
            ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, read);
            while (chunk.hasRemaining()) {
                out.write(chunk);
            }
        }
        return new HashedCopy(new BlobId(Sha256.hex(digest)), size);
    }
}
