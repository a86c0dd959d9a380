package de.akte.core.document;

import java.util.Objects;

/** What is known of stored bytes when a version is created: hash, size, detected type, original name. */
public record ContentDescriptor(String sha256, long size, String mediaType, String fileName) {
    public ContentDescriptor {
        Objects.requireNonNull(sha256);
        Objects.requireNonNull(mediaType);
        Objects.requireNonNull(fileName);
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
    }
}
