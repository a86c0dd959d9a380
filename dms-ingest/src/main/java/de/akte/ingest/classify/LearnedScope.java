package de.akte.ingest.classify;

import de.akte.core.classification.Prediction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.apache.lucene.store.Directory;

/**
 * Everything one scope (a department, or every department for the registry's hints) has learned: the filed examples
 * in a Lucene index for the nearest neighbours (case files, and the filed documents a reason names), a linear model
 * per label in {@code linearLabels} (the document type), the feature statistics, and a calibration of every label's
 * confidence from its own predict-then-learn outcomes. A text is analysed once by the caller and serves every part.
 * Its state is saved by a {@link ModelSnapshots}, so opening it reads a file instead of learning again. Thread-safe:
 * predictions run side by side, a filing waits for them.
 */
final class LearnedScope implements AutoCloseable {

    private static final int EXPLAINED_WORDS = 10;
    private static final int WORDS_SHOWN = 3;
    // a rebuild's later epochs go over this many of the last filings: enough for a department's recent mail, and
    // the memory of their vectors stays bounded however many documents were filed
    private static final int EPOCH_WINDOW = 4000;

    private final Directory directory;
    private final DocumentClassifier index;
    private final ModelSettings settings;
    private final NeighbourSettings neighbourSettings;
    private final Set<String> linearLabels;
    private final int minimumSharedWords;
    private final FeatureHashing hashing;
    private final NeighbourVote vote;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ModelSnapshots snapshots;
    private ModelState state;

    /**
     * @param snapshots          where the model is saved, or {@link ModelSnapshots#NONE} to keep it in memory only
     * @param minimumSharedWords neighbours must share this many of the text's most telling words to count; a scope
     *                           that asks for shared words gives resemblance hints, whose confidence is the
     *                           neighbours' vote as it was, not calibrated
     */
    LearnedScope(Directory directory, ModelSnapshots snapshots, TextAnalysis analysis, ModelSettings settings,
                 NeighbourSettings neighbourSettings, Set<String> linearLabels, int minimumSharedWords) {
        this.directory = directory;
        this.index = new DocumentClassifier(directory, analysis.german(), neighbourSettings);
        this.settings = settings;
        this.neighbourSettings = neighbourSettings;
        this.linearLabels = Set.copyOf(linearLabels);
        this.minimumSharedWords = minimumSharedWords;
        this.hashing = new FeatureHashing(settings);
        this.vote = new NeighbourVote(neighbourSettings.neighbours());
        this.snapshots = snapshots;
        this.state = ModelState.empty(hashing.buckets());
    }

    /**
     * Loads the saved model and learns the filings the index holds beyond it; with no usable snapshot, learns the
     * whole scope again from the texts its index keeps. False when the index was written by a version that kept no
     * texts: it is then emptied, to be rebuilt from the records.
     */
    boolean restore(Function<String, AnalysedText> analyse) {
        lock.writeLock().lock();
        try {
            if (!index.keepsTexts()) {
                index.rebuild(List.of());
                state = ModelState.empty(hashing.buckets());
                return false;
            }
            ModelState saved = snapshots.load(settings).orElse(null);
            long from = saved == null ? 0 : saved.sequence();
            List<DocumentClassifier.Numbered> newer = index.after(from);
            if (saved == null) {
                state = ModelState.empty(hashing.buckets());
                train(newer.stream().map(DocumentClassifier.Numbered::example).toList(), analyse);
                state.sequence(index.lastSequence());
            } else {
                state = saved;
                for (DocumentClassifier.Numbered numbered : newer) {
                    learnModel(numbered.example(), analyse.apply(numbered.example().text()));
                    state.sequence(numbered.sequence());
                }
            }
            if (saved == null || !newer.isEmpty()) {
                save();
            }
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Every label learned in this scope, predicted for the text; none while nothing is learned. */
    Map<String, Prediction> classify(AnalysedText text) {
        lock.readLock().lock();
        try {
            if (state.frequencies().documents() == 0) {
                return Map.of();
            }
            return predict(text).predictions();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Learns one filing at once; the next prediction knows it. */
    void learn(TrainingExample example, AnalysedText text) {
        lock.writeLock().lock();
        try {
            learnModel(example, text);
            long sequence = state.sequence() + 1;
            index.learn(example, sequence);
            state.sequence(sequence);
            if (snapshots.due(sequence)) {
                save();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Forgets a filing: it stops voting and being named at once; the linear weights keep a fading trace. */
    void forget(String id) {
        lock.writeLock().lock();
        try {
            index.forget(id);
        } finally {
            lock.writeLock().unlock();
        }
    }

    boolean knows(String id) {
        return index.knows(id);
    }

    long size() {
        return index.size();
    }

    /**
     * Throws everything away and learns these filings: document frequencies first, then a first pass predicting each
     * before learning it (the calibration's outcomes), then further epochs in shuffled order.
     */
    void rebuild(List<TrainingExample> examples, Function<String, AnalysedText> analyse) {
        lock.writeLock().lock();
        try {
            index.rebuildNumbered(examples);
            state = ModelState.empty(hashing.buckets());
            train(examples, analyse);
            state.sequence(examples.size());
            save();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Saves the model now (e.g. before a shutdown). */
    void save() {
        lock.writeLock().lock();
        try {
            snapshots.save(state, settings);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void close() {
        try {
            if (state.sequence() != snapshots.savedSequence()) {
                save();
            }
        } finally {
            try (directory) {
                index.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the classifier index", e);
            }
        }
    }

    /**
     * Learns filings in order, without holding all their analysed texts: online (with replay) in filing order,
     * predicting the last ones before learning them for the calibration, then further epochs over the last
     * {@value #EPOCH_WINDOW} filings in shuffled order. With inverse document frequencies in the features, a first
     * pass reads the frequencies, so that all vectors use the final ones.
     */
    private void train(List<TrainingExample> examples, Function<String, AnalysedText> analyse) {
        if (settings.idf()) {
            for (TrainingExample example : examples) {
                state.frequencies().add(hashing.buckets(analyse.apply(example.text())));
            }
        }
        // the last filings are also predicted by their nearest neighbours among all others (leave one out), which
        // calibrates the neighbour labels and gives the linear labels their neighbours' share; a scope of
        // resemblance hints calibrates nothing and needs only the word statistics
        boolean calibrates = minimumSharedWords == 0;
        int calibrateFrom = calibrates ? Math.max(0, examples.size() - settings.calibrationWindow()) : examples.size();
        int keepFrom = Math.max(0, examples.size() - EPOCH_WINDOW);
        List<Integer> kept = new ArrayList<>();
        List<SparseVector> keptVectors = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            TrainingExample example = examples.get(i);
            boolean linear = example.labels().keySet().stream().anyMatch(linearLabels::contains);
            AnalysedText text = analyse.apply(example.text());
            if (!settings.idf()) {
                state.frequencies().add(hashing.buckets(text));
            }
            if (!linear && i < calibrateFrom) {
                continue;
            }
            SparseVector vector = hashing.vector(text, state.frequencies());
            Predicted before = i >= calibrateFrom ? neighboursOnly(example.id(), text, vector) : null;
            learnVector(example, vector, before);
            if (linear && i >= keepFrom) {
                kept.add(i);
                keptVectors.add(vector);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < kept.size(); k++) {
            order.add(k);
        }
        Random random = new Random(examples.size());
        for (int epoch = 1; epoch < settings.epochs(); epoch++) {
            Collections.shuffle(order, random);
            for (int k : order) {
                TrainingExample example = examples.get(kept.get(k));
                for (String label : linearLabels) {
                    String truth = example.labels().get(label);
                    if (truth != null) {
                        state.label(label, settings).relearn(keptVectors.get(k), truth, epoch);
                    }
                }
            }
        }
    }

    private Predicted neighboursOnly(String id, AnalysedText text, SparseVector vector) {
        Query query = query(text);
        List<Neighbour> neighbours = index.nearest(query.stems(), query.grams(), query.explained(), minimumSharedWords)
                .stream().filter(n -> !n.id().equals(id)).toList();
        return new Predicted(vector, neighbours, vote.predict(neighbours, query.explained()), Map.of());
    }

    private void learnModel(TrainingExample example, AnalysedText text) {
        Predicted before = state.frequencies().documents() == 0 ? null : predict(text);
        state.frequencies().add(hashing.buckets(text));
        learnVector(example, before == null ? hashing.vector(text, state.frequencies()) : before.vector(), before);
    }

    private void learnVector(TrainingExample example, SparseVector vector, Predicted before) {
        for (Map.Entry<String, String> label : example.labels().entrySet()) {
            String truth = label.getValue();
            if (linearLabels.contains(label.getKey())) {
                Map<String, Double> shares = before == null ? Map.of()
                        : NeighbourVote.shares(before.neighbours(), label.getKey());
                state.label(label.getKey(), settings).learn(vector, truth, shares);
            } else if (before != null) {
                Prediction predicted = before.rawNeighbourPredictions().get(label.getKey());
                state.neighbourCalibration(label.getKey(), settings).add(
                        predicted == null ? 0 : predicted.confidence(), predicted != null && predicted.value().equals(truth));
            }
        }
    }

    private Predicted predict(AnalysedText text) {
        SparseVector vector = hashing.vector(text, state.frequencies());
        Query query = query(text);
        List<String> explained = query.explained();
        List<Neighbour> neighbours = index.nearest(query.stems(), query.grams(), explained, minimumSharedWords);
        Map<String, Prediction> raw = vote.predict(neighbours, explained);
        Map<String, Prediction> predictions = new HashMap<>();
        raw.forEach((label, prediction) -> {
            if (!linearLabels.contains(label) && minimumSharedWords > 0) {
                predictions.put(label, prediction);
            } else if (!linearLabels.contains(label)) {
                ConfidenceCalibration calibration = state.neighbourCalibrations().get(label);
                double confidence = calibration == null ? 0 : calibration.confidence(prediction.confidence());
                predictions.put(label, new Prediction(prediction.value(), confidence, prediction.reason()));
            }
        });
        for (String label : linearLabels) {
            LabelModel model = state.labels().get(label);
            if (model == null || model.isEmpty()) {
                continue;
            }
            LabelModel.Scored scored = model.predict(vector, NeighbourVote.shares(neighbours, label));
            predictions.put(label, new Prediction(scored.value(), Math.min(1, Math.max(0, scored.confidence())),
                    reason(label, scored, neighbours, explained, text, model)));
        }
        return new Predicted(vector, neighbours, raw, predictions);
    }

    private String reason(String label, LabelModel.Scored scored, List<Neighbour> neighbours, List<String> explained,
                          AnalysedText text, LabelModel model) {
        List<Neighbour> voters = neighbours.stream().filter(n -> scored.value().equals(n.labels().get(label))).toList();
        if (!voters.isEmpty()) {
            return NeighbourVote.reason(voters, neighbours.size(), explained);
        }
        // no near filed document agrees: name the text's words that weigh most for the value
        List<String> words = text.stems().keySet().stream()
                .sorted(Comparator.comparingDouble((String stem) ->
                        -model.model().weight(scored.classIndex(), hashing.bucket(stem, FeatureHashing.STEM_SALT))))
                .limit(WORDS_SHOWN).toList();
        return String.format(Locale.ROOT, "learned from %d filed documents of this type (words: %s)",
                model.model().count(scored.classIndex()), String.join(", ", words));
    }

    private Query query(AnalysedText text) {
        List<String> stems = telling(text.stems(), neighbourSettings.stemQueryTerms(), hashing::stemWeight);
        List<String> grams = telling(text.grams(), neighbourSettings.gramQueryTerms(), hashing::gramWeight);
        return new Query(stems, grams, stems.subList(0, Math.min(EXPLAINED_WORDS, stems.size())));
    }

    /** The terms a neighbour search asks for, and the words that may explain its result. */
    private record Query(List<String> stems, List<String> grams, List<String> explained) {
    }

    private List<String> telling(Map<String, Integer> terms, int limit, TermWeight weight) {
        if (limit <= 0 || terms.isEmpty()) {
            return List.of();
        }
        List<Map.Entry<String, Float>> weighted = new ArrayList<>(terms.size());
        for (Map.Entry<String, Integer> term : terms.entrySet()) {
            weighted.add(Map.entry(term.getKey(), weight.of(term.getKey(), term.getValue(), state.frequencies())));
        }
        weighted.sort(Map.Entry.<String, Float>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<String> chosen = new ArrayList<>(Math.min(limit, weighted.size()));
        for (int i = 0; i < Math.min(limit, weighted.size()); i++) {
            chosen.add(weighted.get(i).getKey());
        }
        return chosen;
    }

    @FunctionalInterface
    private interface TermWeight {
        float of(String term, int count, DocumentFrequencies frequencies);
    }

    /** A prediction with what it was made from, so learning the same text need not analyse or search again. */
    private record Predicted(SparseVector vector, List<Neighbour> neighbours, Map<String, Prediction> rawNeighbourPredictions,
                             Map<String, Prediction> predictions) {
    }

    /** The learned state that a snapshot saves. */
    static final class ModelState {

        private final DocumentFrequencies frequencies;
        private final Map<String, LabelModel> labels;
        private final Map<String, ConfidenceCalibration> neighbourCalibrations;
        private long sequence;

        ModelState(DocumentFrequencies frequencies, Map<String, LabelModel> labels,
                   Map<String, ConfidenceCalibration> neighbourCalibrations, long sequence) {
            this.frequencies = frequencies;
            this.labels = new LinkedHashMap<>(labels);
            this.neighbourCalibrations = new LinkedHashMap<>(neighbourCalibrations);
            this.sequence = sequence;
        }

        static ModelState empty(int buckets) {
            return new ModelState(new DocumentFrequencies(buckets), Map.of(), Map.of(), 0);
        }

        DocumentFrequencies frequencies() {
            return frequencies;
        }

        Map<String, LabelModel> labels() {
            return labels;
        }

        Map<String, ConfidenceCalibration> neighbourCalibrations() {
            return neighbourCalibrations;
        }

        long sequence() {
            return sequence;
        }

        void sequence(long sequence) {
            this.sequence = sequence;
        }

        LabelModel label(String label, ModelSettings settings) {
            return labels.computeIfAbsent(label, l -> new LabelModel(settings, frequencies.buckets()));
        }

        ConfidenceCalibration neighbourCalibration(String label, ModelSettings settings) {
            return neighbourCalibrations.computeIfAbsent(label, l -> new ConfidenceCalibration(settings.calibrationWindow()));
        }
    }
}
