package de.akte.ingest.classify;

import de.akte.core.classification.Classification;
import de.akte.core.classification.ClassificationRule;
import de.akte.core.classification.Classifier;
import de.akte.core.classification.FilingExample;
import de.akte.core.classification.Label;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The record store's classifier port on the Lucene k-nearest-neighbour classifier. Rules are applied by the
 * record store itself (they are data it owns), so only the learned part is asked here.
 */
public final class LearnedClassifier implements Classifier {

    private final DocumentClassifier classifier;

    public LearnedClassifier(DocumentClassifier classifier) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
    }

    @Override
    public Classification classify(String text, List<ClassificationRule> rules) {
        de.akte.ingest.classify.Classification learned = classifier.classify(text, List.of());
        Map<Label, de.akte.core.classification.Prediction> predictions = new EnumMap<>(Label.class);
        for (Label label : Label.values()) {
            learned.get(label.key()).ifPresent(p -> predictions.put(label,
                    new de.akte.core.classification.Prediction(p.value(), clamp(p.confidence()), p.reason())));
        }
        return new Classification(predictions);
    }

    private static double clamp(double confidence) {
        return Math.max(0, Math.min(1, confidence));
    }

    @Override
    public void learn(FilingExample example) {
        classifier.learn(training(example));
    }

    @Override
    public void forget(long documentId) {
        classifier.forget(Long.toString(documentId));
    }

    @Override
    public void rebuild(Iterable<FilingExample> examples) {
        List<TrainingExample> all = new ArrayList<>();
        examples.forEach(e -> all.add(training(e)));
        classifier.rebuild(all);
    }

    @Override
    public long size() {
        return classifier.size();
    }

    private static TrainingExample training(FilingExample example) {
        Map<String, String> labels = new HashMap<>();
        example.labels().forEach((label, value) -> labels.put(label.key(), value));
        return new TrainingExample(Long.toString(example.documentId()), example.text(), labels);
    }
}
