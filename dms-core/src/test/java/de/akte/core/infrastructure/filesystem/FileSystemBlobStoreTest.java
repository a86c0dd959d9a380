package de.akte.core.infrastructure.filesystem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.akte.core.storage.BlobId;
import de.akte.core.storage.BlobRetainedException;
import de.akte.core.storage.BlobStore;
import de.akte.core.storage.BlobStoreContractTest;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The blob store contract on the local filesystem, plus what only files can show. */
class FileSystemBlobStoreTest extends BlobStoreContractTest {

    @TempDir
    Path dataDir;

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

    @Override
    protected BlobStore createStore() {
        return new FileSystemBlobStore(root(), spoolDir(), now::get);
    }

    @Override
    protected void destroyStore() {
        // @TempDir removes the files
    }

    @Override
    protected void overwrite(BlobId id, byte[] bytes) throws Exception {
        Path file = blobFile(id);
        file.toFile().setWritable(true);
        Files.write(file, bytes);
    }

    @Override
    protected int storedObjectCount() throws Exception {
        try (Stream<Path> files = Files.walk(root())) {
            return (int) files.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().endsWith(".retention"))
                    .count();
        }
    }

    @Override
    protected Path spoolDir() {
        return dataDir.resolve("tmp");
    }

    @Override
    protected Optional<Instant> retainedUntil(BlobId id) throws Exception {
        Path file = blobFile(id);
        return Optional.ofNullable(BlobRetention.read(file.resolveSibling(file.getFileName() + ".retention"))
                .retainUntil());
    }

    @Override
    protected int maxObjectsAfterConcurrentPuts(int puts) {
        return 1;
    }

    @Test
    void storesBlobsReadOnlyInFanOutDirectories() throws Exception {
        BlobId id = store.put(new ByteArrayInputStream(randomBytes(20, 100)), 100).id();

        Path file = root().resolve(id.sha256().substring(0, 2)).resolve(id.sha256().substring(2, 4))
                .resolve(id.sha256());
        assertTrue(Files.isRegularFile(file));
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.GROUP_READ),
                Files.getPosixFilePermissions(file));
    }

    @Test
    void replacesADamagedCopyOfAnotherSizeOnTheNextPut() throws Exception {
        byte[] bytes = randomBytes(21, 5_000);
        BlobId id = store.put(new ByteArrayInputStream(bytes), bytes.length).id();
        overwrite(id, new byte[10]);

        boolean newlyStored = store.put(new ByteArrayInputStream(bytes), bytes.length).newlyStored();

        assertTrue(newlyStored);
        assertEquals(bytes.length, Files.size(blobFile(id)));
    }

    @Test
    void allowsDeleteOnceRetentionHasPassed() throws Exception {
        BlobId id = store.put(new ByteArrayInputStream(randomBytes(22, 100)), 100).id();
        store.retainUntil(id, now.get().plus(Duration.ofDays(3650)));
        assertThrows(BlobRetainedException.class, () -> store.delete(id));

        now.set(now.get().plus(Duration.ofDays(3651)));
        store.delete(id);

        assertFalse(store.exists(id));
        assertEquals(0, storedObjectCount());
        assertFalse(Files.exists(blobFile(id).resolveSibling(id.sha256() + ".retention")));
    }

    @Test
    void keepsRetentionAcrossStoreInstances() throws Exception {
        BlobId id = store.put(new ByteArrayInputStream(randomBytes(23, 100)), 100).id();
        store.setLegalHold(id, true);

        BlobStore reopened = createStore();

        assertThrows(BlobRetainedException.class, () -> reopened.delete(id));
    }

    private Path root() {
        return dataDir.resolve("blobs");
    }

    private Path blobFile(BlobId id) {
        String hash = id.sha256();
        return root().resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash);
    }
}
