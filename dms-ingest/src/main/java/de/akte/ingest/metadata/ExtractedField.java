package de.akte.ingest.metadata;

import java.util.Objects;

/** One metadata field: normalised value, the text as found, and where (1-based page, char offsets in that page). */
public record ExtractedField(FieldKind kind, String value, String raw, int page, int start, int end) {

    public ExtractedField {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(raw, "raw");
        if (page < 1 || start < 0 || end < start) {
            throw new IllegalArgumentException("bad location: page " + page + ", " + start + ".." + end);
        }
    }
}
