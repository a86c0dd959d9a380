package de.akte.ingest.barcode;

import java.util.Objects;
import java.util.Optional;

/** Whether a page is a separator sheet and, if so, which case file the following document belongs to. */
public record SeparatorSignal(boolean separator, Optional<String> fileReference) {

    public SeparatorSignal {
        Objects.requireNonNull(fileReference, "fileReference");
        if (!separator && fileReference.isPresent()) {
            throw new IllegalArgumentException("only a separator carries a file reference");
        }
    }

    /** An ordinary page. */
    public static SeparatorSignal none() {
        return new SeparatorSignal(false, Optional.empty());
    }

    /** A separator without a file reference. */
    public static SeparatorSignal plain() {
        return new SeparatorSignal(true, Optional.empty());
    }

    /** A separator filing the following document into the given case file. */
    public static SeparatorSignal withFileReference(String fileReference) {
        return new SeparatorSignal(true, Optional.of(fileReference));
    }
}
