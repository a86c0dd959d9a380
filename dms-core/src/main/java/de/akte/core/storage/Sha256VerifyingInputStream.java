package de.akte.core.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Passes a blob's bytes through while hashing them and, when the end is reached, throws
 * {@link BlobCorruptedException} unless they hash to the blob's id. A stream closed before its
 * end is not verified.
 */
public final class Sha256VerifyingInputStream extends FilterInputStream {

    private final BlobId expected;
    private final MessageDigest digest = Sha256.newDigest();
    private String actual;

    public Sha256VerifyingInputStream(InputStream in, BlobId expected) {
        super(in);
        this.expected = expected;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b == -1) {
            verifyAtEnd();
        } else {
            digest.update((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n == -1) {
            verifyAtEnd();
        } else {
            digest.update(b, off, n);
        }
        return n;
    }

    /** Skipped bytes must be hashed too, so skipping reads them. */
    @Override
    public long skip(long n) throws IOException {
        byte[] discard = new byte[(int) Math.min(8192, Math.max(n, 1))];
        long skipped = 0;
        while (skipped < n) {
            int read = read(discard, 0, (int) Math.min(discard.length, n - skipped));
            if (read == -1) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
        // a rewind would hash bytes twice
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported while verifying a blob");
    }

    private void verifyAtEnd() {
        if (actual == null) {
            actual = Sha256.hex(digest);
        }
        // keeps failing on every read at the end, so no caller can miss it by reading again
        if (!actual.equals(expected.sha256())) {
            throw new BlobCorruptedException(expected, actual);
        }
    }
}
