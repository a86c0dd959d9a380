package de.akte.ingest.classify;

import de.akte.core.classification.Prediction;
import de.akte.core.infrastructure.lucene.api.GermanAnalysis;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Measures a classifier on a labelled corpus under two protocols: stratified k-fold cross-validation (each label's
 * documents shuffled with a fixed seed and dealt round-robin to the folds), and online, where documents arrive in
 * corpus order and each is predicted before its label is learned, as in production; the first documents find nothing
 * to compare with and count as wrong. The classifier is the production one ({@link Method#LEARNED}: linear model,
 * neighbours and calibration, as a department's {@link LearnedScope}) or the earlier nearest-neighbour classifier
 * alone ({@link Method#NEIGHBOURS}, {@link DocumentClassifier}), for comparison.
 */
public final class ClassifierEvaluation {

    /** The label name the corpus' labels are learned and predicted under. */
    public static final String LABEL = "documentType";
    public static final int DEFAULT_FOLDS = 5;
    public static final long DEFAULT_SEED = 42;
    /** The default of {@code AKTE_AUTO_FILE_CONFIDENCE}. */
    public static final double DEFAULT_THRESHOLD = 0.95;

    /** Which classifier is measured. */
    public enum Method {
        /** The production classifier: linear model over hashed features, neighbours, calibrated confidence. */
        LEARNED,
        /** The k-nearest-neighbour classifier that came before it. */
        NEIGHBOURS
    }

    private final GermanAnalysis analysis;
    private final int folds;
    private final long seed;
    private final Method method;
    private final ModelSettings model;
    private final NeighbourSettings neighbours;
    private final double threshold;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    /** An evaluation of the production classifier with its own compound dictionary, {@value #DEFAULT_FOLDS} folds. */
    public ClassifierEvaluation() {
        this(GermanAnalysis.withBundledDictionary(), DEFAULT_FOLDS, DEFAULT_SEED);
    }

    public ClassifierEvaluation(GermanAnalysis analysis, int folds, long seed) {
        this(analysis, folds, seed, Method.LEARNED, DEFAULT_THRESHOLD);
    }

    public ClassifierEvaluation(GermanAnalysis analysis, int folds, long seed, Method method, double threshold) {
        this(analysis, folds, seed, method, ModelSettings.DEFAULTS,
                method == Method.LEARNED ? NeighbourSettings.SCOPED : NeighbourSettings.DEFAULTS, threshold);
    }

    ClassifierEvaluation(GermanAnalysis analysis, int folds, long seed, Method method, ModelSettings model,
                         NeighbourSettings neighbours, double threshold) {
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds: " + folds);
        }
        this.analysis = analysis;
        this.folds = folds;
        this.seed = seed;
        this.method = method;
        this.model = model;
        this.neighbours = neighbours;
        this.threshold = threshold;
    }

    /** Both protocols on the corpus. */
    public EvaluationResult evaluate(List<LabelledText> corpus) {
        try (TextAnalysis reading = new TextAnalysis(analysis)) {
            List<AnalysedText> texts = analyse(reading, corpus);
            return new EvaluationResult(crossValidate(corpus, reading, texts), online(corpus, reading, texts));
        }
    }

    /** Stratified k-fold cross-validation. */
    public ProtocolResult crossValidate(List<LabelledText> corpus) {
        try (TextAnalysis reading = new TextAnalysis(analysis)) {
            return crossValidate(corpus, reading, analyse(reading, corpus));
        }
    }

    /** Online: predict each document, then learn its true label, in corpus order. */
    public ProtocolResult online(List<LabelledText> corpus) {
        try (TextAnalysis reading = new TextAnalysis(analysis)) {
            return online(corpus, reading, analyse(reading, corpus));
        }
    }

    private List<AnalysedText> analyse(TextAnalysis reading, List<LabelledText> corpus) {
        if (method != Method.LEARNED) {
            return null;
        }
        return corpus.stream().map(document -> reading.analyse(document.text())).toList();
    }

    private ProtocolResult crossValidate(List<LabelledText> corpus, TextAnalysis reading, List<AnalysedText> texts) {
        List<List<Integer>> foldIndexes = stratifiedFolds(corpus);
        ScoreTally tally = new ScoreTally(threshold);
        for (List<Integer> testIndexes : foldIndexes) {
            Set<Integer> test = new HashSet<>(testIndexes);
            List<TrainingExample> training = new ArrayList<>();
            for (int i = 0; i < corpus.size(); i++) {
                if (!test.contains(i)) {
                    training.add(example(i, corpus.get(i)));
                }
            }
            try (Subject subject = subject(reading, texts)) {
                subject.rebuild(training);
                for (int i : testIndexes) {
                    predict(subject, i, corpus.get(i), tally);
                }
            }
        }
        return tally.result(folds + "-fold cross-validation");
    }

    private ProtocolResult online(List<LabelledText> corpus, TextAnalysis reading, List<AnalysedText> texts) {
        ScoreTally tally = new ScoreTally(threshold);
        try (Subject subject = subject(reading, texts)) {
            for (int i = 0; i < corpus.size(); i++) {
                LabelledText document = corpus.get(i);
                predict(subject, i, document, tally);
                subject.learn(i, example(i, document));
            }
        }
        return tally.result("online");
    }

    private void predict(Subject subject, int index, LabelledText document, ScoreTally tally) {
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        Prediction prediction = subject.classify(index, document.text()).get(LABEL);
        tally.timed(System.nanoTime() - wall, threads.getCurrentThreadCpuTime() - cpu);
        tally.add(document.label(), prediction == null ? null : prediction.value(),
                prediction == null ? 0 : prediction.confidence());
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

    private Subject subject(TextAnalysis reading, List<AnalysedText> texts) {
        if (method == Method.NEIGHBOURS) {
            return new Neighbours(new DocumentClassifier(new ByteBuffersDirectory(), analysis, neighbours));
        }
        // the text of a document in the corpus is analysed once for the whole evaluation; timing a prediction
        // must still include its analysis, so predictions read the text again
        return new Learned(new LearnedScope(new ByteBuffersDirectory(), ModelSnapshots.NONE, reading, model, neighbours,
                Set.of(LABEL), 0), reading, texts);
    }

    private static TrainingExample example(int index, LabelledText document) {
        return new TrainingExample("line-" + document.lineNumber() + "#" + index, document.text(),
                Map.of(LABEL, document.label()));
    }

    /** The classifier being measured. */
    private interface Subject extends AutoCloseable {

        Map<String, Prediction> classify(int index, String text);

        void learn(int index, TrainingExample example);

        void rebuild(List<TrainingExample> examples);

        @Override
        void close();
    }

    private record Neighbours(DocumentClassifier classifier) implements Subject {

        @Override
        public Map<String, Prediction> classify(int index, String text) {
            return classifier.classify(text).byLabel();
        }

        @Override
        public void learn(int index, TrainingExample example) {
            classifier.learn(example);
        }

        @Override
        public void rebuild(List<TrainingExample> examples) {
            classifier.rebuild(examples);
        }

        @Override
        public void close() {
            classifier.close();
        }
    }

    private record Learned(LearnedScope scope, TextAnalysis reading, List<AnalysedText> texts) implements Subject {

        @Override
        public Map<String, Prediction> classify(int index, String text) {
            return scope.classify(reading.analyse(text));
        }

        @Override
        public void learn(int index, TrainingExample example) {
            scope.learn(example, texts.get(index));
        }

        @Override
        public void rebuild(List<TrainingExample> examples) {
            Map<String, AnalysedText> known = new HashMap<>();
            for (TrainingExample example : examples) {
                int index = Integer.parseInt(example.id().substring(example.id().indexOf('#') + 1));
                known.put(example.text(), texts.get(index));
            }
            scope.rebuild(examples, text -> known.computeIfAbsent(text, reading::analyse));
        }

        @Override
        public void close() {
            scope.close();
        }
    }
}
