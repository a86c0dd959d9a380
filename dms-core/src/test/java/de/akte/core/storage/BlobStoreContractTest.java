package de.akte.core.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BlobStore} must do, run once per implementation by a subclass that knows
 * how to create the store and how to look behind it (raw object count, raw overwrite).
 */
public abstract class BlobStoreContractTest {

    private static final long LARGE_SIZE = 300L * 1024 * 1024;
    private static final long NO_LIMIT = Long.MAX_VALUE;

    protected BlobStore store;

    /** A fresh, empty store for one test. */
    protected abstract BlobStore createStore() throws Exception;

    /** Releases what {@link #createStore()} made. */
    protected abstract void destroyStore() throws Exception;

    /** Replaces the stored bytes of a blob behind the store's back, as bit rot or tampering would. */
    protected abstract void overwrite(BlobId id, byte[] bytes) throws Exception;

    /** How many stored objects the store holds in total (files; object versions and delete markers). */
    protected abstract int storedObjectCount() throws Exception;

    /** The directory the store writes incoming content to before it is stored. */
    protected abstract Path spoolDir();

    /** The retain-until instant the storage records for a blob, if any. */
    protected abstract Optional<Instant> retainedUntil(BlobId id) throws Exception;

    /** How many stored objects concurrent puts of the same bytes may leave (a versioned store keeps each upload). */
    protected abstract int maxObjectsAfterConcurrentPuts(int puts);

    @BeforeEach
    void openStore() throws Exception {
        store = createStore();
    }

    @AfterEach
    void closeStore() throws Exception {
        destroyStore();
    }

    @Test
    void readsBackTheBytesItStoredUnderTheirSha256() throws Exception {
        byte[] bytes = randomBytes(1, 100_000);

        StoredBlob stored = store.put(new ByteArrayInputStream(bytes), NO_LIMIT);

        assertEquals(sha256(bytes), stored.id().sha256());
        assertEquals(bytes.length, stored.size());
        assertTrue(stored.newlyStored());
        assertTrue(store.exists(stored.id()));
        assertEquals(bytes.length, store.size(stored.id()));
        assertArrayEquals(bytes, readAll(stored.id()));
        assertSpoolEmpty();
    }

    @Test
    void storesIdenticalContentOnce() throws Exception {
        byte[] bytes = randomBytes(2, 5_000);

        StoredBlob first = store.put(new ByteArrayInputStream(bytes), NO_LIMIT);
        StoredBlob second = store.put(new ByteArrayInputStream(bytes), NO_LIMIT);

        assertEquals(first.id(), second.id());
        assertTrue(first.newlyStored());
        assertFalse(second.newlyStored());
        assertEquals(1, storedObjectCount());
        assertSpoolEmpty();
    }

    @Test
    void rejectsContentOverTheLimitAndLeavesNothingBehind() throws Exception {
        byte[] bytes = randomBytes(3, 1_001);

        assertThrows(BlobTooLargeException.class, () -> store.put(new ByteArrayInputStream(bytes), 1_000));

        assertFalse(store.exists(new BlobId(sha256(bytes))));
        assertEquals(0, storedObjectCount());
        assertSpoolEmpty();
    }

    @Test
    void rejectsLargeStreamAsSoonAsItPassesTheLimit() throws Exception {
        // the store must stop reading right after the limit, not swallow all 10 GB first
        java.util.concurrent.atomic.AtomicLong read = new java.util.concurrent.atomic.AtomicLong();
        java.io.InputStream counting = new java.io.FilterInputStream(
                new DeterministicContent(4, 10L * 1024 * 1024 * 1024)) {
            @Override
            public int read() throws java.io.IOException {
                int b = super.read();
                if (b >= 0) {
                    read.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    read.addAndGet(n);
                }
                return n;
            }
        };
        assertThrows(BlobTooLargeException.class, () -> store.put(counting, 1024 * 1024));
        assertTrue(read.get() <= 2L * 1024 * 1024, "read " + read.get() + " bytes for a 1 MiB limit");
        assertEquals(0, storedObjectCount());
        assertSpoolEmpty();
    }

    @Test
    void acceptsContentExactlyAtTheLimit() throws Exception {
        byte[] bytes = randomBytes(5, 1_000);

        StoredBlob stored = store.put(new ByteArrayInputStream(bytes), 1_000);

        assertEquals(1_000, stored.size());
        assertArrayEquals(bytes, readAll(stored.id()));
    }

    @Test
    void storesEmptyContent() throws Exception {
        StoredBlob stored = store.put(InputStream.nullInputStream(), 0);

        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", stored.id().sha256());
        assertEquals(0, stored.size());
        assertEquals(0, store.size(stored.id()));
        assertArrayEquals(new byte[0], readAll(stored.id()));
    }

    @Test
    void reportsMissingBlob() {
        BlobId missing = new BlobId(sha256("never stored".getBytes()));

        assertFalse(store.exists(missing));
        assertThrows(BlobNotFoundException.class, () -> store.open(missing));
        assertThrows(BlobNotFoundException.class, () -> store.size(missing));
        assertThrows(BlobNotFoundException.class, () -> store.retainUntil(missing, Instant.now().plusSeconds(60)));
        assertThrows(BlobNotFoundException.class, () -> store.setLegalHold(missing, true));
    }

    @Test
    void ignoresDeleteOfMissingBlob() throws Exception {
        store.delete(new BlobId(sha256("never stored".getBytes())));

        assertEquals(0, storedObjectCount());
    }

    @Test
    void detectsCorruptedBlobOnRead() throws Exception {
        byte[] bytes = randomBytes(6, 20_000);
        BlobId id = store.put(new ByteArrayInputStream(bytes), NO_LIMIT).id();
        byte[] damaged = bytes.clone();
        damaged[12_345] ^= 0x01;

        overwrite(id, damaged);

        try (InputStream in = store.open(id)) {
            assertThrows(BlobCorruptedException.class, in::readAllBytes);
        }
    }

    @Test
    void deletesEveryStoredCopyOfABlob() throws Exception {
        byte[] bytes = randomBytes(7, 3_000);
        BlobId id = store.put(new ByteArrayInputStream(bytes), NO_LIMIT).id();
        // on a versioned store the damaged copy is a second version, which must go too
        overwrite(id, randomBytes(8, 3_000));

        store.delete(id);

        assertFalse(store.exists(id));
        assertThrows(BlobNotFoundException.class, () -> store.open(id));
        assertEquals(0, storedObjectCount());
    }

    @Test
    void storesAgainAfterDelete() throws Exception {
        byte[] bytes = randomBytes(9, 3_000);
        BlobId id = store.put(new ByteArrayInputStream(bytes), NO_LIMIT).id();
        store.delete(id);

        StoredBlob again = store.put(new ByteArrayInputStream(bytes), NO_LIMIT);

        assertTrue(again.newlyStored());
        assertArrayEquals(bytes, readAll(id));
    }

    /**
     * Streams 300 MB in and out. Run with a small heap to prove nothing holds it in memory:
     * {@code mvn -q -pl dms-core test -Dtest=FileSystemBlobStoreTest -DargLine=-Xmx64m}.
     */
    @Test
    void streamsLargeContentWithoutHoldingItInMemory() throws Exception {
        String expected = sha256(new DeterministicContent(10, LARGE_SIZE));

        StoredBlob stored;
        try (InputStream in = new DeterministicContent(10, LARGE_SIZE)) {
            stored = store.put(in, LARGE_SIZE);
        }

        assertEquals(expected, stored.id().sha256());
        assertEquals(LARGE_SIZE, store.size(stored.id()));
        try (InputStream in = store.open(stored.id())) {
            assertEquals(expected, sha256(in));
        }
        assertSpoolEmpty();
    }

    @Test
    void keepsConcurrentPutsOfTheSameContentConsistent() throws Exception {
        int puts = 8;
        byte[] bytes = randomBytes(11, 2 * 1024 * 1024);
        ExecutorService pool = Executors.newFixedThreadPool(puts);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<StoredBlob>> results = new ArrayList<>();
            for (int i = 0; i < puts; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return store.put(new ByteArrayInputStream(bytes), NO_LIMIT);
                }));
            }
            start.countDown();

            BlobId id = new BlobId(sha256(bytes));
            boolean anyNew = false;
            for (Future<StoredBlob> result : results) {
                StoredBlob stored = result.get(2, TimeUnit.MINUTES);
                assertEquals(id, stored.id());
                anyNew |= stored.newlyStored();
            }
            assertTrue(anyNew, "no put reported the content as new");
            assertArrayEquals(bytes, readAll(id));
            int objects = storedObjectCount();
            assertTrue(objects >= 1 && objects <= maxObjectsAfterConcurrentPuts(puts), objects + " objects");
            assertSpoolEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesDeleteWhileRetained() throws Exception {
        byte[] bytes = randomBytes(12, 1_000);
        BlobId id = store.put(new ByteArrayInputStream(bytes), NO_LIMIT).id();

        store.retainUntil(id, Instant.now().plus(1, ChronoUnit.DAYS));

        assertThrows(BlobRetainedException.class, () -> store.delete(id));
        assertArrayEquals(bytes, readAll(id));
    }

    @Test
    void neverShortensRetention() throws Exception {
        BlobId id = store.put(new ByteArrayInputStream(randomBytes(13, 1_000)), NO_LIMIT).id();
        Instant later = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        store.retainUntil(id, later);
        store.retainUntil(id, later.minus(1, ChronoUnit.DAYS));

        assertEquals(Optional.of(later), retainedUntil(id));
    }

    @Test
    void refusesDeleteUnderLegalHoldUntilReleased() throws Exception {
        BlobId id = store.put(new ByteArrayInputStream(randomBytes(14, 1_000)), NO_LIMIT).id();

        store.setLegalHold(id, true);
        assertThrows(BlobRetainedException.class, () -> store.delete(id));
        assertTrue(store.exists(id));

        store.setLegalHold(id, false);
        store.delete(id);
        assertFalse(store.exists(id));
    }

    @Test
    void describesItselfWithoutSecrets() {
        assertFalse(store.describe().isBlank());
        assertFalse(store.describe().toLowerCase().contains("secret"));
    }

    protected static byte[] randomBytes(long seed, int length) throws IOException {
        try (InputStream in = new DeterministicContent(seed, length)) {
            return in.readAllBytes();
        }
    }

    protected static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    private static String sha256(InputStream in) throws IOException {
        MessageDigest digest = newDigest();
        try (DigestInputStream hashing = new DigestInputStream(in, digest)) {
            hashing.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] readAll(BlobId id) throws IOException {
        try (InputStream in = store.open(id)) {
            return in.readAllBytes();
        }
    }

    private void assertSpoolEmpty() throws IOException {
        try (Stream<Path> files = Files.list(spoolDir())) {
            assertEquals(List.of(), files.toList(), "leftovers in the spool directory");
        }
    }
}
