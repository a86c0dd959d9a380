package de.akte.ingest.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Counts true labels against predictions (or none), with each prediction's confidence and the time it took, and
 * turns them into a {@link ProtocolResult}.
 */
final class ScoreTally {

    // the reliability table's bins: a confidence falls into the last bin whose lower bound it reaches
    static final double[] BINS = {0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99};

    private final Map<String, Integer> truePositives = new HashMap<>();
    private final Map<String, Integer> predicted = new HashMap<>();
    private final Map<String, Integer> actual = new HashMap<>();
    private final int[] binCount = new int[BINS.length];
    private final int[] binRight = new int[BINS.length];
    private final double[] binConfidence = new double[BINS.length];
    private final double threshold;
    private int documents;
    private int correct;
    private int unpredicted;
    private int autoFiled;
    private int autoFiledRight;
    private long wallNanos;
    private long cpuNanos;
    private int timed;

    ScoreTally() {
        this(0.7);
    }

    /** @param threshold the auto-filing confidence: predictions at least this sure count as filed automatically */
    ScoreTally(double threshold) {
        this.threshold = threshold;
    }

    /** @param prediction null when the classifier gave none */
    void add(String truth, String prediction) {
        add(truth, prediction, prediction == null ? 0 : 1);
    }

    void add(String truth, String prediction, double confidence) {
        documents++;
        actual.merge(truth, 1, Integer::sum);
        if (prediction == null) {
            unpredicted++;
            return;
        }
        predicted.merge(prediction, 1, Integer::sum);
        boolean right = Objects.equals(truth, prediction);
        if (right) {
            correct++;
            truePositives.merge(truth, 1, Integer::sum);
        }
        int bin = BINS.length - 1;
        while (confidence < BINS[bin]) {
            bin--;
        }
        binCount[bin]++;
        binRight[bin] += right ? 1 : 0;
        binConfidence[bin] += confidence;
        if (confidence >= threshold) {
            autoFiled++;
            autoFiledRight += right ? 1 : 0;
        }
    }

    void timed(long wall, long cpu) {
        wallNanos += wall;
        cpuNanos += cpu;
        timed++;
    }

    ProtocolResult result(String protocol) {
        List<LabelScore> perLabel = new ArrayList<>();
        double f1Sum = 0;
        for (String label : new TreeSet<>(actual.keySet())) {
            int tp = truePositives.getOrDefault(label, 0);
            int support = actual.get(label);
            int predictedCount = predicted.getOrDefault(label, 0);
            double precision = predictedCount == 0 ? 0 : tp / (double) predictedCount;
            double recall = tp / (double) support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perLabel.add(new LabelScore(label, precision, recall, f1, support));
            f1Sum += f1;
        }
        double accuracy = documents == 0 ? 0 : correct / (double) documents;
        double macroF1 = perLabel.isEmpty() ? 0 : f1Sum / perLabel.size();
        List<ProtocolResult.ReliabilityBin> reliability = new ArrayList<>();
        for (int b = 0; b < BINS.length; b++) {
            double upper = b + 1 < BINS.length ? BINS[b + 1] : 1;
            reliability.add(new ProtocolResult.ReliabilityBin(BINS[b], upper, binCount[b],
                    binCount[b] == 0 ? 0 : binConfidence[b] / binCount[b],
                    binCount[b] == 0 ? 0 : binRight[b] / (double) binCount[b]));
        }
        ProtocolResult.AutoFiling auto = new ProtocolResult.AutoFiling(threshold, autoFiled,
                documents == 0 ? 0 : autoFiled / (double) documents,
                autoFiled == 0 ? 0 : autoFiledRight / (double) autoFiled);
        ProtocolResult.Timing timing = new ProtocolResult.Timing(timed,
                timed == 0 ? 0 : wallNanos / 1e6 / timed, timed == 0 ? 0 : cpuNanos / 1e6 / timed);
        return new ProtocolResult(protocol, documents, correct, unpredicted, accuracy, macroF1, perLabel,
                reliability, auto, timing);
    }
}
