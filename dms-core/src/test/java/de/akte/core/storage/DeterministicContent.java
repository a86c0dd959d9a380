package de.akte.core.storage;

import java.io.InputStream;

/** Pseudo-random bytes of a given length, the same for the same seed, generated on the fly (never in memory). */
public final class DeterministicContent extends InputStream {

    private final long seed;
    private final long length;
    private long position;

    public DeterministicContent(long seed, long length) {
        this.seed = seed;
        this.length = length;
    }

    @Override
    public int read() {
        if (position >= length) {
            return -1;
        }
        return byteAt(position++) & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (position >= length) {
            return -1;
        }
        int n = (int) Math.min(len, length - position);
        long word = word(position >>> 3);
        for (int i = 0; i < n; i++) {
            if ((position & 7) == 0) {
                word = word(position >>> 3);
            }
            b[off + i] = (byte) (word >>> ((position & 7) * 8));
            position++;
        }
        return n;
    }

    private byte byteAt(long index) {
        return (byte) (word(index >>> 3) >>> ((index & 7) * 8));
    }

    /** SplitMix64 over the word index: cheap, well mixed, and addressable at any position. */
    private long word(long wordIndex) {
        long z = seed + (wordIndex + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
