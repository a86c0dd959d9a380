package de.akte.core.infrastructure.s3;

/**
 * Where the S3 blob store keeps its objects and how it signs in.
 *
 * @param endpoint  base URL, e.g. {@code http://127.0.0.1:9000}; buckets are addressed path-style
 * @param region    the S3 region the bucket lives in (and is created in), e.g. {@code us-east-1}
 * @param bucket    the bucket; created with Object Lock (and thus versioning) when missing
 * @param accessKey the access key
 * @param secretKey the secret key; never printed
 * @param lockMode  the Object Lock mode for {@code retainUntil}; {@code null} when this deployment
 *                  does not use Object Lock, and then retention requests are refused
 * @param keyPrefix prefix of every object key, so one bucket can serve several uses; empty for none
 */
public record S3Settings(String endpoint, String region, String bucket, String accessKey, String secretKey,
                         ObjectLockMode lockMode, String keyPrefix) {

    public S3Settings {
        requireText(endpoint, "endpoint");
        requireText(region, "region");
        requireText(bucket, "bucket");
        requireText(accessKey, "accessKey");
        requireText(secretKey, "secretKey");
        keyPrefix = normalizePrefix(keyPrefix);
    }

    /** The same connection, another bucket. */
    public S3Settings withBucket(String otherBucket) {
        return new S3Settings(endpoint, region, otherBucket, accessKey, secretKey, lockMode, keyPrefix);
    }

    @Override
    public String toString() {
        return "S3Settings[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket
                + ", accessKey=" + accessKey + ", secretKey=***, lockMode=" + lockMode
                + ", keyPrefix=" + keyPrefix + "]";
    }

    /** "blobs", "/blobs/" and "blobs/" all mean the folder-like prefix "blobs/". */
    private static String normalizePrefix(String prefix) {
        if (prefix == null) {
            return "";
        }
        String trimmed = prefix.strip().replaceAll("^/+", "").replaceAll("/+$", "");
        return trimmed.isEmpty() ? "" : trimmed + "/";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("S3 setting '" + name + "' is missing");
        }
    }
}
