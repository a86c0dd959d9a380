package de.akte.ingest.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** Counts true labels against predictions (or none) and turns them into a {@link ProtocolResult}. */
final class ScoreTally {

    private final Map<String, Integer> truePositives = new HashMap<>();
    private final Map<String, Integer> predicted = new HashMap<>();
    private final Map<String, Integer> actual = new HashMap<>();
    private int documents;
    private int correct;
    private int unpredicted;

    /** @param prediction null when the classifier gave none */
    void add(String truth, String prediction) {
        documents++;
        actual.merge(truth, 1, Integer::sum);
        if (prediction == null) {
            unpredicted++;
            return;
        }
        predicted.merge(prediction, 1, Integer::sum);
        if (Objects.equals(truth, prediction)) {
            correct++;
            truePositives.merge(truth, 1, Integer::sum);
        }
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
        return new ProtocolResult(protocol, documents, correct, unpredicted, accuracy, macroF1, perLabel);
    }
}
