package de.akte.ingest.classify;

import java.util.Objects;

/**
 * An administrator's rule for the cold start: a document matching {@code pattern} gets {@code value}
 * for {@code label}; among the matching rules of a label the highest priority wins.
 */
public record Rule(String label, String value, String pattern, RuleKind kind, int priority) {

    public Rule {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(kind, "kind");
        if (pattern.isBlank()) {
            throw new IllegalArgumentException("pattern is blank");
        }
    }

    /** How the rule is named in a prediction's reason. */
    String describe() {
        return "rule '" + pattern + "' (priority " + priority + ")";
    }
}
