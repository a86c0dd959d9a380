package de.akte.core.infrastructure.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.akte.core.storage.BlobId;
import de.akte.core.storage.BlobStore;
import de.akte.core.storage.BlobStoreContractTest;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.messages.Item;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The blob store contract against a real S3 server (see {@link S3TestServer} for how to point
 * it at one), each test in a fresh bucket with GOVERNANCE Object Lock.
 */
class S3BlobStoreTest extends BlobStoreContractTest {

    private static S3TestServer server;

    @TempDir
    Path spool;

    private S3Settings settings;

    @BeforeAll
    static void connect() {
        server = S3TestServer.fromEnvironment();
    }

    @AfterAll
    static void disconnect() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected BlobStore createStore() {
        server.assumeAvailable();
        settings = server.freshBucket(ObjectLockMode.GOVERNANCE);
        return new S3BlobStore(settings, spool);
    }

    @Override
    protected void destroyStore() throws Exception {
        if (store != null) {
            ((S3BlobStore) store).close();
        }
        if (settings != null) {
            server.removeBucket(settings.bucket());
        }
    }

    @Override
    protected void overwrite(BlobId id, byte[] bytes) throws Exception {
        server.client().putObject(PutObjectArgs.builder().bucket(settings.bucket()).object(key(id))
                .stream(new ByteArrayInputStream(bytes), (long) bytes.length, null).build());
    }

    @Override
    protected int storedObjectCount() throws Exception {
        return server.allVersions(settings.bucket()).size();
    }

    @Override
    protected Path spoolDir() {
        return spool;
    }

    @Override
    protected Optional<Instant> retainedUntil(BlobId id) throws Exception {
        ZonedDateTime until = server.client().statObject(StatObjectArgs.builder()
                .bucket(settings.bucket()).object(key(id)).build()).lockRetainUntilDate();
        return Optional.ofNullable(until).map(ZonedDateTime::toInstant);
    }

    @Override
    protected int maxObjectsAfterConcurrentPuts(int puts) {
        // the store does no conditional create, so racing uploads of one key each add a version
        return puts;
    }

    @Test
    void keysObjectsByPrefixAndFanOut() throws Exception {
        BlobId id = store.put(new ByteArrayInputStream(randomBytes(30, 100)), 100).id();

        String hash = id.sha256();
        assertEquals(100, server.client().statObject(StatObjectArgs.builder().bucket(settings.bucket())
                .object("blobs/" + hash.substring(0, 2) + "/" + hash.substring(2, 4) + "/" + hash).build()).size());
    }

    @Test
    void deleteAlsoRemovesDeleteMarkers() throws Exception {
        BlobId id = store.put(new ByteArrayInputStream(randomBytes(31, 100)), 100).id();
        // a plain delete on a versioned bucket only hides the object behind a marker
        server.client().removeObject(RemoveObjectArgs.builder().bucket(settings.bucket()).object(key(id)).build());
        assertFalse(store.exists(id));
        assertEquals(2, storedObjectCount());

        store.delete(id);

        assertEquals(0, storedObjectCount());
    }

    @Test
    void storesAgainWhenTheObjectIsHiddenByADeleteMarker() throws Exception {
        byte[] bytes = randomBytes(32, 100);
        BlobId id = store.put(new ByteArrayInputStream(bytes), 100).id();
        server.client().removeObject(RemoveObjectArgs.builder().bucket(settings.bucket()).object(key(id)).build());

        assertTrue(store.put(new ByteArrayInputStream(bytes), 100).newlyStored());
        assertTrue(store.exists(id));
    }

    @Test
    void uploadsLargeContentInPartsAndVerifiesItDespiteAnEmptyEtag() throws Exception {
        int size = 12 * 1024 * 1024;
        BlobId id = store.put(new ByteArrayInputStream(randomBytes(33, size)), size).id();

        Item only = server.allVersions(settings.bucket()).get(0);
        assertEquals(size, only.size());
        assertEquals(size, store.size(id));
    }

    private String key(BlobId id) {
        String hash = id.sha256();
        return settings.keyPrefix() + hash.substring(0, 2) + "/" + hash.substring(2, 4) + "/" + hash;
    }
}
