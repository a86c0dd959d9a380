package de.akte.core.infrastructure.s3;

import de.akte.core.storage.BlobStoreException;
import io.minio.BucketExistsArgs;
import io.minio.GetBucketVersioningArgs;
import io.minio.GetObjectLockConfigurationArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.messages.VersioningConfiguration;

/** The bucket behind the S3 blob store, made sure to exist with versioning and, where configured, Object Lock. */
final class S3Bucket {

    private final MinioClient client;
    private final S3Settings settings;

    S3Bucket(MinioClient client, S3Settings settings) {
        this.client = client;
        this.settings = settings;
    }

    /** Creates the bucket with Object Lock if missing, then checks what the blob store relies on. */
    void ensureReady() {
        String bucket = settings.bucket();
        try {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                create();
            }
            // delete() removes every version, and Object Lock only exists on versioned buckets
            VersioningConfiguration.Status versioning =
                    client.getBucketVersioning(GetBucketVersioningArgs.builder().bucket(bucket).build()).status();
            if (versioning != VersioningConfiguration.Status.ENABLED) {
                throw new BlobStoreException("bucket " + bucket + " has versioning " + versioning
                        + "; the blob store needs a versioned bucket (best: one created with Object Lock)");
            }
            if (settings.lockMode() != null) {
                requireObjectLock();
            }
        } catch (MinioException e) {
            throw new BlobStoreException("cannot prepare bucket " + bucket + " at " + settings.endpoint(), e);
        }
    }

    private void create() throws MinioException {
        try {
            // Object Lock can only be switched on at creation; it turns versioning on with it
            client.makeBucket(MakeBucketArgs.builder()
                    .bucket(settings.bucket()).region(settings.region()).objectLock(true).build());
        } catch (ErrorResponseException e) {
            // another node may have created it a moment ago
            if (!"BucketAlreadyOwnedByYou".equals(e.errorResponse().code())) {
                throw e;
            }
        }
    }

    private void requireObjectLock() throws MinioException {
        try {
            client.getObjectLockConfiguration(
                    GetObjectLockConfigurationArgs.builder().bucket(settings.bucket()).build());
        } catch (ErrorResponseException e) {
            if ("ObjectLockConfigurationNotFoundError".equals(e.errorResponse().code())) {
                throw new BlobStoreException("bucket " + settings.bucket() + " has no Object Lock, but lock mode "
                        + settings.lockMode() + " is configured; Object Lock can only be enabled when a bucket "
                        + "is created: use a new bucket, or configure no lock mode", e);
            }
            throw e;
        }
    }
}
