package de.akte.ingest.classify;

import java.util.Objects;

/**
 * A predicted value of one label, with a confidence in [0, 1] meant for an auto-filing threshold and a
 * short explanation for the clerk.
 */
public record Prediction(String value, double confidence, String reason) {

    public Prediction {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(reason, "reason");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence not in [0, 1]: " + confidence);
        }
    }
}
