package de.akte.ingest.classify;

import de.akte.core.classification.Prediction;
import de.akte.core.infrastructure.lucene.api.GermanAnalysis;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Measures the {@link DocumentClassifier} on a labelled corpus under two protocols: stratified k-fold
 * cross-validation (each label's documents shuffled with a fixed seed and dealt round-robin to the
 * folds), and online, where documents arrive in corpus order and each is predicted before its label is
 * learned, as in production; the first documents find nothing to compare with and count as wrong.
 */
public final class ClassifierEvaluation {

    /** The label name the corpus' labels are learned and predicted under. */
    public static final String LABEL = "documentType";
    public static final int DEFAULT_FOLDS = 5;
    public static final long DEFAULT_SEED = 42;

    private final GermanAnalysis analysis;
    private final int folds;
    private final long seed;
    private final NeighbourSettings settings;

    /** An evaluation with its own compound dictionary, {@value #DEFAULT_FOLDS} folds. */
    public ClassifierEvaluation() {
        this(GermanAnalysis.withBundledDictionary(), DEFAULT_FOLDS, DEFAULT_SEED);
    }

    public ClassifierEvaluation(GermanAnalysis analysis, int folds, long seed) {
        this(analysis, folds, seed, NeighbourSettings.DEFAULTS);
    }

    ClassifierEvaluation(GermanAnalysis analysis, int folds, long seed, NeighbourSettings settings) {
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds: " + folds);
        }
        this.analysis = analysis;
        this.folds = folds;
        this.seed = seed;
        this.settings = settings;
    }

    /** Both protocols on the corpus. */
    public EvaluationResult evaluate(List<LabelledText> corpus) {
        return new EvaluationResult(crossValidate(corpus), online(corpus));
    }

    /** Stratified k-fold cross-validation. */
    public ProtocolResult crossValidate(List<LabelledText> corpus) {
        List<List<Integer>> foldIndexes = stratifiedFolds(corpus);
        ScoreTally tally = new ScoreTally();
        for (List<Integer> testIndexes : foldIndexes) {
            List<TrainingExample> training = new ArrayList<>();
            for (int i = 0; i < corpus.size(); i++) {
                if (!testIndexes.contains(i)) {
                    training.add(example(i, corpus.get(i)));
                }
            }
            try (DocumentClassifier classifier = new DocumentClassifier(new ByteBuffersDirectory(), analysis, settings)) {
                classifier.rebuild(training);
                for (int i : testIndexes) {
                    LabelledText document = corpus.get(i);
                    tally.add(document.label(), predict(classifier, document));
                }
            }
        }
        return tally.result(folds + "-fold cross-validation");
    }

    /** Online: predict each document, then learn its true label, in corpus order. */
    public ProtocolResult online(List<LabelledText> corpus) {
        ScoreTally tally = new ScoreTally();
        try (DocumentClassifier classifier = new DocumentClassifier(new ByteBuffersDirectory(), analysis, settings)) {
            for (int i = 0; i < corpus.size(); i++) {
                LabelledText document = corpus.get(i);
                tally.add(document.label(), predict(classifier, document));
                classifier.learn(example(i, document));
            }
        }
        return tally.result("online");
    }

    List<List<Integer>> stratifiedFolds(List<LabelledText> corpus) {
        Map<String, List<Integer>> byLabel = new TreeMap<>(); // sorted: the folds must not depend on hash order
        for (int i = 0; i < corpus.size(); i++) {
            byLabel.computeIfAbsent(corpus.get(i).label(), label -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> result = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            result.add(new ArrayList<>());
        }
        Random random = new Random(seed);
        int next = 0;
        for (List<Integer> indexes : byLabel.values()) {
            Collections.shuffle(indexes, random);
            for (int index : indexes) {
                // continuing the round-robin across labels keeps the fold sizes within one of each other
                result.get(next++ % folds).add(index);
            }
        }
        return result;
    }

    private static String predict(DocumentClassifier classifier, LabelledText document) {
        return classifier.classify(document.text()).get(LABEL).map(Prediction::value).orElse(null);
    }

    private static TrainingExample example(int index, LabelledText document) {
        return new TrainingExample("line-" + document.lineNumber() + "#" + index, document.text(),
                Map.of(LABEL, document.label()));
    }
}
