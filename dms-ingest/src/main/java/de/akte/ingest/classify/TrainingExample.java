package de.akte.ingest.classify;

import java.util.Map;
import java.util.Objects;

/**
 * A filed document the classifier learns from: its text and the labels it was filed under, e.g.
 * {@code documentType → Bauantrag}, {@code department → 63}, {@code caseFile → 63-10/2025}.
 */
public record TrainingExample(String id, String text, Map<String, String> labels) {

    public TrainingExample {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        labels = Map.copyOf(labels);
        if (id.isBlank()) {
            throw new IllegalArgumentException("id is blank");
        }
    }
}
