package de.akte.ingest.classify;

import java.util.List;

/**
 * The outcome of one evaluation protocol: accuracy (a missing prediction counts as wrong), the unweighted mean F1
 * over the true labels, the per-label figures, the reliability of the confidences, what auto-filing at a threshold
 * would have done, and the time per prediction.
 */
public record ProtocolResult(String protocol, int documents, int correct, int unpredicted,
        double accuracy, double macroF1, List<LabelScore> perLabel, List<ReliabilityBin> reliability,
        AutoFiling autoFiling, Timing timing) {

    public ProtocolResult {
        perLabel = List.copyOf(perLabel);
        reliability = List.copyOf(reliability);
    }

    /** Predictions with a confidence in [from, to): how many, their mean confidence, and how many were right. */
    public record ReliabilityBin(double from, double to, int predictions, double meanConfidence, double accuracy) {
    }

    /** Predictions at least {@code threshold} sure: how many, their share of all documents, and how many were right. */
    public record AutoFiling(double threshold, int filed, double share, double accuracy) {
    }

    /** Mean time per prediction, wall clock and the predicting thread's CPU time, in milliseconds. */
    public record Timing(int predictions, double wallMillis, double cpuMillis) {
    }
}
