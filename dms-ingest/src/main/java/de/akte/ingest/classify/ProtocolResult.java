package de.akte.ingest.classify;

import java.util.List;

/**
 * The outcome of one evaluation protocol: accuracy (a missing prediction counts as wrong), the
 * unweighted mean F1 over the true labels, and the per-label figures.
 */
public record ProtocolResult(String protocol, int documents, int correct, int unpredicted,
        double accuracy, double macroF1, List<LabelScore> perLabel) {

    public ProtocolResult {
        perLabel = List.copyOf(perLabel);
    }
}
