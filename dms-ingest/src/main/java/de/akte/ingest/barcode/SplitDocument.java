package de.akte.ingest.barcode;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One document cut from a scanned batch: its page indices (0-based, in the batch) and its case file, if given. */
public record SplitDocument(List<Integer> pageIndices, Optional<String> fileReference) {

    public SplitDocument {
        pageIndices = List.copyOf(pageIndices);
        Objects.requireNonNull(fileReference, "fileReference");
        if (pageIndices.isEmpty()) {
            throw new IllegalArgumentException("a document has at least one page");
        }
    }
}
