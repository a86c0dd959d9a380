package de.akte.ingest.classify;

import de.akte.core.classification.Prediction;

import java.util.Map;
import java.util.Optional;

/** The predictions for one document by label name; a label without a prediction is absent. */
public record Classification(Map<String, Prediction> byLabel) {

    public Classification {
        byLabel = Map.copyOf(byLabel);
    }

    /** The prediction for a label, if there is one. */
    public Optional<Prediction> get(String label) {
        return Optional.ofNullable(byLabel.get(label));
    }
}
