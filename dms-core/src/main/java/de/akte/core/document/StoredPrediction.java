package de.akte.core.document;

import de.akte.core.classification.Label;
import de.akte.core.classification.Prediction;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** The classifier's prediction for one label of a document, as stored with it. */
@Embeddable
public class StoredPrediction {

    @Enumerated(EnumType.STRING)
    @Column(name = "label", nullable = false, length = 32)
    private Label label;

    @Column(name = "prediction_value", nullable = false, length = 200)
    private String value;

    @Column(name = "confidence", nullable = false)
    private double confidence;

    @Column(name = "reason", nullable = false, length = 1000)
    private String reason;

    protected StoredPrediction() {
    }

    public StoredPrediction(Label label, Prediction prediction) {
        this.label = label;
        this.value = cut(prediction.value(), 200);
        this.confidence = prediction.confidence();
        this.reason = cut(prediction.reason(), 1000);
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    public Label label() {
        return label;
    }

    public Prediction prediction() {
        return new Prediction(value, confidence, reason);
    }
}
