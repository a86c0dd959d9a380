package de.akte.core.classification;

import java.util.Objects;

/**
 * A predicted value with how sure the prediction is (0–1) and why, in words a clerk understands: the rule that
 * fired, the file reference found on the page, or the similar documents and words that decided it.
 */
public record Prediction(String value, double confidence, String reason) {
    public Prediction {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(reason, "reason");
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be between 0 and 1: " + confidence);
        }
    }
}
