package de.akte.core.classification;

import java.util.Map;
import java.util.Objects;

/** A filed document as the classifier learns from it: its text and how a person filed it. */
public record FilingExample(long documentId, String text, Map<Label, String> labels) {
    public FilingExample {
        Objects.requireNonNull(text, "text");
        labels = Map.copyOf(labels);
    }
}
