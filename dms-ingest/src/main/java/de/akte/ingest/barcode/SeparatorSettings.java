package de.akte.ingest.barcode;

import java.util.Objects;

/** What a separator barcode contains: a fixed separator content, or a prefix followed by a file reference. */
public record SeparatorSettings(String separatorContent, String fileReferencePrefix) {

    public SeparatorSettings {
        Objects.requireNonNull(separatorContent, "separatorContent");
        Objects.requireNonNull(fileReferencePrefix, "fileReferencePrefix");
        if (separatorContent.isBlank() || fileReferencePrefix.isBlank()) {
            throw new IllegalArgumentException("separator content and file-reference prefix must not be blank");
        }
    }

    /** {@code AKTE-TRENNBLATT} and {@code AKTE-AZ:}. */
    public static SeparatorSettings defaults() {
        return new SeparatorSettings("AKTE-TRENNBLATT", "AKTE-AZ:");
    }
}
