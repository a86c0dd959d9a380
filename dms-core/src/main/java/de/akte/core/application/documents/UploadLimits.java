package de.akte.core.application.documents;

/** How large an uploaded file may be. */
public record UploadLimits(long maxBytes) {
    public UploadLimits {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
    }
}
