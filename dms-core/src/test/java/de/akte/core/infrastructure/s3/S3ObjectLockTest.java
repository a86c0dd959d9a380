package de.akte.core.infrastructure.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.akte.core.storage.BlobId;
import de.akte.core.storage.BlobRetainedException;
import de.akte.core.storage.BlobStoreException;
import io.minio.GetBucketVersioningArgs;
import io.minio.GetObjectLockConfigurationArgs;
import io.minio.MakeBucketArgs;
import io.minio.RemoveObjectArgs;
import io.minio.SetBucketVersioningArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.RetentionMode;
import io.minio.messages.VersioningConfiguration;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bucket the S3 store sets up really enforces Object Lock on the server: what the retention
 * rules (legal hold, retain-until from the schedule) will rely on.
 */
class S3ObjectLockTest {

    private static S3TestServer server;

    @TempDir
    Path spool;

    private final List<String> buckets = new ArrayList<>();

    @BeforeEach
    void requireServer() {
        server.assumeAvailable();
    }

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

    @AfterEach
    void removeBuckets() throws Exception {
        for (String bucket : buckets) {
            server.removeBucket(bucket);
        }
    }

    @Test
    void createsBucketWithObjectLockAndVersioning() throws Exception {
        S3Settings settings = fresh(ObjectLockMode.COMPLIANCE);
        try (S3BlobStore ignored = new S3BlobStore(settings, spool)) {
            assertEquals(VersioningConfiguration.Status.ENABLED, server.client().getBucketVersioning(
                    GetBucketVersioningArgs.builder().bucket(settings.bucket()).build()).status());
            // throws ObjectLockConfigurationNotFoundError on a bucket without Object Lock
            server.client().getObjectLockConfiguration(
                    GetObjectLockConfigurationArgs.builder().bucket(settings.bucket()).build());
        }
    }

    @Test
    void complianceRetentionBlocksDeleteUntilItExpires() throws Exception {
        S3Settings settings = fresh(ObjectLockMode.COMPLIANCE);
        try (S3BlobStore store = new S3BlobStore(settings, spool)) {
            BlobId id = put(store, "compliance");
            Instant until = Instant.now().plusSeconds(4);

            store.retainUntil(id, until);

            StatObjectResponse object = stat(settings, id);
            assertEquals(RetentionMode.COMPLIANCE, object.lockMode());
            assertThrows(BlobRetainedException.class, () -> store.delete(id));
            // not even the bucket owner with the governance bypass may remove it
            ErrorResponseException refused = assertThrows(ErrorResponseException.class, () ->
                    server.client().removeObject(RemoveObjectArgs.builder().bucket(settings.bucket())
                            .object(key(settings, id)).versionId(object.versionId())
                            .bypassGovernanceMode(true).build()));
            assertEquals("AccessDenied", refused.errorResponse().code());
            assertTrue(store.exists(id));

            sleepUntil(until.plusSeconds(1));
            store.delete(id);
            assertFalse(store.exists(id));
            assertEquals(0, server.allVersions(settings.bucket()).size());
        }
    }

    @Test
    void governanceRetentionYieldsOnlyToAnExplicitBypass() throws Exception {
        S3Settings settings = fresh(ObjectLockMode.GOVERNANCE);
        try (S3BlobStore store = new S3BlobStore(settings, spool)) {
            BlobId id = put(store, "governance");
            store.retainUntil(id, Instant.now().plus(Duration.ofDays(1)));
            StatObjectResponse object = stat(settings, id);
            assertEquals(RetentionMode.GOVERNANCE, object.lockMode());

            BlobRetainedException refused = assertThrows(BlobRetainedException.class, () -> store.delete(id));
            assertTrue(refused.getMessage().contains("Object Lock"), refused.getMessage());

            server.client().removeObject(RemoveObjectArgs.builder().bucket(settings.bucket())
                    .object(key(settings, id)).versionId(object.versionId()).bypassGovernanceMode(true).build());
            assertFalse(store.exists(id));
        }
    }

    @Test
    void legalHoldBlocksEvenTheBucketOwner() throws Exception {
        S3Settings settings = fresh(ObjectLockMode.COMPLIANCE);
        try (S3BlobStore store = new S3BlobStore(settings, spool)) {
            BlobId id = put(store, "legal hold");
            store.setLegalHold(id, true);
            StatObjectResponse object = stat(settings, id);

            assertThrows(ErrorResponseException.class, () ->
                    server.client().removeObject(RemoveObjectArgs.builder().bucket(settings.bucket())
                            .object(key(settings, id)).versionId(object.versionId())
                            .bypassGovernanceMode(true).build()));

            store.setLegalHold(id, false);
            store.delete(id);
            assertFalse(store.exists(id));
        }
    }

    @Test
    void refusesLockModeOnABucketWithoutObjectLock() throws Exception {
        S3Settings settings = fresh(ObjectLockMode.COMPLIANCE);
        server.client().makeBucket(MakeBucketArgs.builder().bucket(settings.bucket()).region(settings.region()).build());
        server.client().setBucketVersioning(SetBucketVersioningArgs.builder().bucket(settings.bucket())
                .config(new VersioningConfiguration(VersioningConfiguration.Status.ENABLED, null, null, null))
                .build());

        BlobStoreException thrown = assertThrows(BlobStoreException.class, () -> new S3BlobStore(settings, spool));

        assertTrue(thrown.getMessage().contains("no Object Lock"), thrown.getMessage());
    }

    @Test
    void refusesAnUnversionedBucket() throws Exception {
        S3Settings settings = fresh(null);
        server.client().makeBucket(MakeBucketArgs.builder().bucket(settings.bucket()).region(settings.region()).build());

        BlobStoreException thrown = assertThrows(BlobStoreException.class, () -> new S3BlobStore(settings, spool));

        assertTrue(thrown.getMessage().contains("versioning"), thrown.getMessage());
    }

    @Test
    void refusesRetentionWithoutALockMode() throws Exception {
        S3Settings settings = fresh(null);
        try (S3BlobStore store = new S3BlobStore(settings, spool)) {
            BlobId id = put(store, "unprotected");

            assertThrows(BlobStoreException.class, () -> store.retainUntil(id, Instant.now().plusSeconds(60)));
            assertThrows(BlobStoreException.class, () -> store.setLegalHold(id, true));
            assertEquals(null, stat(settings, id).lockMode());
        }
    }

    private S3Settings fresh(ObjectLockMode mode) {
        S3Settings settings = server.freshBucket(mode);
        buckets.add(settings.bucket());
        return settings;
    }

    private static BlobId put(S3BlobStore store, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return store.put(new ByteArrayInputStream(bytes), bytes.length).id();
    }

    private static StatObjectResponse stat(S3Settings settings, BlobId id) throws Exception {
        return server.client().statObject(StatObjectArgs.builder()
                .bucket(settings.bucket()).object(key(settings, id)).build());
    }

    private static String key(S3Settings settings, BlobId id) {
        String hash = id.sha256();
        return settings.keyPrefix() + hash.substring(0, 2) + "/" + hash.substring(2, 4) + "/" + hash;
    }

    private static void sleepUntil(Instant instant) throws InterruptedException {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
