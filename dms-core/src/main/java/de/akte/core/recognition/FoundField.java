package de.akte.core.recognition;

import java.util.Objects;

/**
 * A metadata field found in a document's text and where: 1-based page and character offsets in that page's text.
 *
 * @param kind  e.g. {@code DATE}, {@code FILE_REFERENCE}, {@code IBAN}, {@code AMOUNT}, {@code SENDER}
 * @param value the normalised value (ISO date, reference, IBAN without spaces, decimal amount)
 * @param raw   the text as it stands in the document
 */
public record FoundField(String kind, String value, String raw, int page, int start, int end) {
    public FoundField {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(raw, "raw");
    }
}
