package de.akte.core.infrastructure.s3;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minio.DisableObjectLegalHoldArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.RemoveBucketArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.BucketExistsArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.messages.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The real S3 server the S3 tests run against, configured by {@code AKTE_TEST_S3_ENDPOINT},
 * {@code AKTE_TEST_S3_ACCESS_KEY}, {@code AKTE_TEST_S3_SECRET_KEY} and {@code AKTE_TEST_S3_REGION}.
 * Without an endpoint the tests are skipped locally and fail on CI ({@code CI=true}).
 */
final class S3TestServer implements AutoCloseable {

    private static final String HOW_TO_START = "No S3 server configured: set AKTE_TEST_S3_ENDPOINT "
            + "(and AKTE_TEST_S3_ACCESS_KEY, AKTE_TEST_S3_SECRET_KEY, optionally AKTE_TEST_S3_REGION). "
            + "To start a local Ceph RADOS Gateway and set them: eval \"$(.ci/s3-up.sh)\" from the repository root.";

    private final S3Settings template;
    private final MinioClient client;

    private S3TestServer(S3Settings template) {
        this.template = template;
        this.client = template == null ? null : MinioClient.builder()
                .endpoint(template.endpoint())
                .region(template.region())
                .credentials(template.accessKey(), template.secretKey())
                .build();
    }

    /**
     * The configured server. Without one this fails on CI; elsewhere it says so on stderr and
     * {@link #assumeAvailable()} skips each test with instructions.
     */
    static S3TestServer fromEnvironment() {
        Map<String, String> env = System.getenv();
        String endpoint = env.get("AKTE_TEST_S3_ENDPOINT");
        if (endpoint == null || endpoint.isBlank()) {
            if ("true".equalsIgnoreCase(env.get("CI"))) {
                fail(HOW_TO_START);
            }
            System.err.println("S3 tests skipped. " + HOW_TO_START);
            return new S3TestServer(null);
        }
        return new S3TestServer(new S3Settings(endpoint,
                env.getOrDefault("AKTE_TEST_S3_REGION", "us-east-1"),
                "unused",
                env.getOrDefault("AKTE_TEST_S3_ACCESS_KEY", "minioadmin"),
                env.getOrDefault("AKTE_TEST_S3_SECRET_KEY", "minioadmin"),
                null,
                "blobs"));
    }

    /** Skips the calling test, with instructions, when no server is configured. */
    void assumeAvailable() {
        assumeTrue(template != null, HOW_TO_START);
    }

    /** Settings for a bucket that does not exist yet, so every test starts empty. */
    S3Settings freshBucket(ObjectLockMode lockMode) {
        S3Settings fresh = template.withBucket("akte-test-" + UUID.randomUUID());
        return new S3Settings(fresh.endpoint(), fresh.region(), fresh.bucket(), fresh.accessKey(),
                fresh.secretKey(), lockMode, fresh.keyPrefix());
    }

    /** A client that talks to the server directly, past the blob store. */
    MinioClient client() {
        return client;
    }

    /** Every object version and delete marker in the bucket. */
    List<Item> allVersions(String bucket) throws MinioException {
        List<Item> versions = new ArrayList<>();
        for (Result<Item> result : client.listObjects(ListObjectsArgs.builder()
                .bucket(bucket).includeVersions(true).recursive(true).build())) {
            versions.add(result.get());
        }
        return versions;
    }

    /**
     * Empties and removes a test bucket, lifting legal holds and bypassing GOVERNANCE retention.
     * COMPLIANCE retention cannot be lifted: tests using it keep it to seconds, so this waits.
     */
    void removeBucket(String bucket) throws Exception {
        if (client == null || !client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
            return;
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            try {
                for (Item version : allVersions(bucket)) {
                    removeVersion(bucket, version);
                }
                client.removeBucket(RemoveBucketArgs.builder().bucket(bucket).build());
                return;
            } catch (ErrorResponseException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(1_000);
            }
        }
    }

    private void removeVersion(String bucket, Item version) throws MinioException {
        if (!version.isDeleteMarker()) {
            try {
                client.disableObjectLegalHold(DisableObjectLegalHoldArgs.builder()
                        .bucket(bucket).object(version.objectName()).versionId(version.versionId()).build());
            } catch (ErrorResponseException e) {
                // no legal hold to lift, or no Object Lock on this bucket
            }
        }
        client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(version.objectName())
                .versionId(version.versionId()).bypassGovernanceMode(true).build());
    }

    @Override
    public void close() throws Exception {
        if (client != null) {
            client.close();
        }
    }
}
