package de.akte.core.classification;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The predictions for one document, by label; a label without a prediction is absent. */
public record Classification(Map<Label, Prediction> predictions) {

    public Classification {
        predictions = predictions.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(predictions));
    }

    public static Classification none() {
        return new Classification(Map.of());
    }

    public Optional<Prediction> get(Label label) {
        return Optional.ofNullable(predictions.get(label));
    }
}
