package de.akte.core.infrastructure.s3;

import de.akte.core.storage.BlobId;
import de.akte.core.storage.BlobNotFoundException;
import de.akte.core.storage.BlobRetainedException;
import de.akte.core.storage.BlobStore;
import de.akte.core.storage.BlobStoreException;
import de.akte.core.storage.HashedCopy;
import de.akte.core.storage.Sha256VerifyingInputStream;
import de.akte.core.storage.StoredBlob;
import io.minio.DisableObjectLegalHoldArgs;
import io.minio.EnableObjectLegalHoldArgs;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.SetObjectRetentionArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.UploadObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.messages.Item;
import io.minio.messages.Retention;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Blobs as S3 objects keyed {@code prefix/ab/cd/abcd…} by their SHA-256, through the MinIO SDK, in
 * a versioned bucket with Object Lock so retention is enforced by the storage itself.
 */
public final class S3BlobStore implements BlobStore, AutoCloseable {

    private static final String CONTENT_TYPE = "application/octet-stream";
    private static final Set<String> NOT_FOUND = Set.of("NoSuchKey", "NoSuchVersion", "NotFound");

    private final MinioClient client;
    private final boolean ownsClient;
    private final S3Settings settings;
    private final Path spoolDir;

    /** Connects with its own client, closed by {@link #close()}; prepares the bucket. */
    public S3BlobStore(S3Settings settings, Path spoolDir) {
        this(MinioClient.builder()
                        .endpoint(settings.endpoint())
                        .region(settings.region())
                        .credentials(settings.accessKey(), settings.secretKey())
                        .build(),
                true, settings, spoolDir);
    }

    /** Uses a client owned by the caller; prepares the bucket. */
    public S3BlobStore(MinioClient client, S3Settings settings, Path spoolDir) {
        this(client, false, settings, spoolDir);
    }

    private S3BlobStore(MinioClient client, boolean ownsClient, S3Settings settings, Path spoolDir) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.settings = settings;
        this.spoolDir = spoolDir.toAbsolutePath();
        try {
            Files.createDirectories(this.spoolDir);
            new S3Bucket(client, settings).ensureReady();
        } catch (IOException | RuntimeException e) {
            closeOwnedClient(e);
            throw e instanceof IOException
                    ? new BlobStoreException("cannot create spool directory " + this.spoolDir, e)
                    : (RuntimeException) e;
        }
    }

    @Override
    public StoredBlob put(InputStream content, long maxBytes) {
        Path spool = null;
        try {
            // the key is the hash, so the whole content must pass before the upload can start;
            // a local file holds it meanwhile, never the heap
            spool = Files.createTempFile(spoolDir, "s3-put-", ".tmp");
            HashedCopy copy;
            try (FileChannel out = FileChannel.open(spool, StandardOpenOption.WRITE)) {
                copy = HashedCopy.copy(content, out, maxBytes);
            }
            String key = key(copy.id());
            // another size under the key is a damaged object: the upload becomes its newer version
            if (currentVersion(key).map(StatObjectResponse::size).orElse(-1L) == copy.size()) {
                return new StoredBlob(copy.id(), copy.size(), false);
            }
            upload(key, spool, copy.size());
            verifyUploaded(key, copy);
            return new StoredBlob(copy.id(), copy.size(), true);
        } catch (IOException | MinioException e) {
            throw new BlobStoreException("cannot store a blob in " + describe(), e);
        } finally {
            deleteQuietly(spool);
        }
    }

    @Override
    public InputStream open(BlobId id) {
        try {
            InputStream object = client.getObject(GetObjectArgs.builder()
                    .bucket(settings.bucket()).object(key(id)).build());
            return new Sha256VerifyingInputStream(object, id);
        } catch (ErrorResponseException e) {
            throw notFoundOr(id, e, "cannot open blob " + id);
        } catch (MinioException e) {
            throw new BlobStoreException("cannot open blob " + id + " in " + describe(), e);
        }
    }

    @Override
    public boolean exists(BlobId id) {
        return currentVersion(key(id)).isPresent();
    }

    @Override
    public long size(BlobId id) {
        return currentVersion(key(id)).orElseThrow(() -> new BlobNotFoundException(id)).size();
    }

    /**
     * Removes every version and delete marker of the key. Versions under Object Lock are refused
     * by the server; the others are still removed, and the refusal is reported at the end. A
     * GOVERNANCE lock is never bypassed here: shortening a retention is a records decision, not
     * a side effect of a delete.
     */
    @Override
    public void delete(BlobId id) {
        String key = key(id);
        List<String> refused = new ArrayList<>();
        ErrorResponseException lastRefusal = null;
        for (Item version : versionsOf(key)) {
            try {
                client.removeObject(RemoveObjectArgs.builder()
                        .bucket(settings.bucket()).object(key).versionId(version.versionId()).build());
            } catch (ErrorResponseException e) {
                if (!"AccessDenied".equals(e.errorResponse().code())) {
                    throw new BlobStoreException("cannot delete version " + version.versionId() + " of blob " + id, e);
                }
                refused.add(version.versionId());
                lastRefusal = e;
            } catch (MinioException e) {
                throw new BlobStoreException("cannot delete version " + version.versionId() + " of blob " + id, e);
            }
        }
        if (!refused.isEmpty()) {
            throw new BlobRetainedException(id, "S3 Object Lock (retention or legal hold) protects version(s) "
                    + refused + " in bucket " + settings.bucket(), lastRefusal);
        }
    }

    @Override
    public void retainUntil(BlobId id, Instant until) {
        ObjectLockMode mode = requireLockMode(id);
        StatObjectResponse current = currentVersion(key(id)).orElseThrow(() -> new BlobNotFoundException(id));
        if (current.lockRetainUntilDate() != null && !current.lockRetainUntilDate().toInstant().isBefore(until)) {
            return;
        }
        try {
            client.setObjectRetention(SetObjectRetentionArgs.builder()
                    .bucket(settings.bucket()).object(key(id)).versionId(current.versionId())
                    .config(new Retention(mode.sdkMode(), until.atZone(ZoneOffset.UTC)))
                    .build());
        } catch (MinioException e) {
            throw new BlobStoreException("cannot retain blob " + id + " until " + until, e);
        }
    }

    @Override
    public void setLegalHold(BlobId id, boolean hold) {
        requireLockMode(id);
        StatObjectResponse current = currentVersion(key(id)).orElseThrow(() -> new BlobNotFoundException(id));
        try {
            if (hold) {
                client.enableObjectLegalHold(EnableObjectLegalHoldArgs.builder()
                        .bucket(settings.bucket()).object(key(id)).versionId(current.versionId()).build());
            } else {
                client.disableObjectLegalHold(DisableObjectLegalHoldArgs.builder()
                        .bucket(settings.bucket()).object(key(id)).versionId(current.versionId()).build());
            }
        } catch (MinioException e) {
            throw new BlobStoreException("cannot " + (hold ? "set" : "release") + " the legal hold on blob " + id, e);
        }
    }

    @Override
    public String describe() {
        return "s3 " + settings.endpoint() + "/" + settings.bucket() + "/" + settings.keyPrefix()
                + (settings.lockMode() == null ? " (no object lock)" : " (object lock " + settings.lockMode() + ")");
    }

    @Override
    public void close() throws Exception {
        if (ownsClient) {
            client.close();
        }
    }

    /** A store that failed to start must not leave its HTTP client's threads and connections behind. */
    private void closeOwnedClient(Exception failure) {
        try {
            close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }

    private String key(BlobId id) {
        String hash = id.sha256();
        // fan-out keeps listings and MinIO's on-disk directories small
        return settings.keyPrefix() + hash.substring(0, 2) + "/" + hash.substring(2, 4) + "/" + hash;
    }

    /** The newest version of the key, or empty when there is none or the newest is a delete marker. */
    private Optional<StatObjectResponse> currentVersion(String key) {
        try {
            return Optional.of(client.statObject(StatObjectArgs.builder()
                    .bucket(settings.bucket()).object(key).build()));
        } catch (ErrorResponseException e) {
            if (NOT_FOUND.contains(e.errorResponse().code())) {
                return Optional.empty();
            }
            throw new BlobStoreException("cannot look up " + key + " in " + describe(), e);
        } catch (MinioException e) {
            throw new BlobStoreException("cannot look up " + key + " in " + describe(), e);
        } catch (IllegalStateException e) {
            // the client reports an unreachable server unchecked, around the I/O error (found by FaultInjectionIT)
            if (e.getCause() instanceof java.io.IOException) {
                throw new BlobStoreException("cannot look up " + key + " in " + describe(), e);
            }
            throw e;
        }
    }

    private void upload(String key, Path spool, long size) throws MinioException {
        if (size == 0) {
            // the SDK would start a multipart upload for an empty file; one plain PUT does
            client.putObject(PutObjectArgs.builder().bucket(settings.bucket()).object(key)
                    .data(new byte[0], 0).contentType(CONTENT_TYPE).build());
            return;
        }
        // above its part size the SDK uploads in parts, reading each part from the file
        client.uploadObject(UploadObjectArgs.builder().bucket(settings.bucket()).object(key)
                .filename(spool.toString()).contentType(CONTENT_TYPE).build());
    }

    /**
     * The upload response's ETag cannot be used: it is an MD5 only for single-part uploads, and
     * Ceph RGW answers a multipart completion with an empty one. Read the object's size back.
     */
    private void verifyUploaded(String key, HashedCopy copy) {
        long stored = currentVersion(key)
                .orElseThrow(() -> new BlobStoreException("uploaded " + key + " but it is not there"))
                .size();
        if (stored != copy.size()) {
            throw new BlobStoreException("uploaded " + copy.size() + " bytes to " + key
                    + " but the server holds " + stored);
        }
    }

    /** Every version and delete marker of exactly this key. */
    private List<Item> versionsOf(String key) {
        List<Item> versions = new ArrayList<>();
        try {
            for (Result<Item> result : client.listObjects(ListObjectsArgs.builder()
                    .bucket(settings.bucket()).prefix(key).includeVersions(true).recursive(true).build())) {
                Item item = result.get();
                if (item.objectName().equals(key)) {
                    versions.add(item);
                }
            }
        } catch (MinioException e) {
            throw new BlobStoreException("cannot list the versions of " + key + " in " + describe(), e);
        }
        return versions;
    }

    private ObjectLockMode requireLockMode(BlobId id) {
        if (settings.lockMode() == null) {
            throw new BlobStoreException("cannot protect blob " + id + ": no Object Lock mode is configured for "
                    + describe());
        }
        return settings.lockMode();
    }

    private BlobStoreException notFoundOr(BlobId id, ErrorResponseException e, String message) {
        if (NOT_FOUND.contains(e.errorResponse().code())) {
            return new BlobNotFoundException(id);
        }
        return new BlobStoreException(message + " in " + describe(), e);
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover spool file is garbage, not a failure of the put that created it
        }
    }
}
