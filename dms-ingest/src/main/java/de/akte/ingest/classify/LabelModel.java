package de.akte.ingest.classify;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What one label (e.g. the document type) has learned in one scope: a {@link SoftmaxModel}, the last filings for
 * replay, and the {@link ConfidenceCalibration} of its predictions. A filing is learned with one gradient step and
 * then {@code replay} steps on earlier filings picked at random, which keeps one pass of online learning close to
 * several epochs of batch training without its cost. Not thread-safe: its owner guards it.
 */
final class LabelModel {

    private static final int REPLAY_BUFFER = 512;

    private final ModelSettings settings;
    private final SoftmaxModel model;
    private final ConfidenceCalibration calibration;
    private final SparseVector[] replayVectors = new SparseVector[REPLAY_BUFFER];
    private final int[] replayClasses = new int[REPLAY_BUFFER];
    private int replaySize;
    private int replayNext;
    private final Random random;

    LabelModel(ModelSettings settings, int buckets) {
        this(settings, new SoftmaxModel(buckets, settings.averaged()), new ConfidenceCalibration(settings.calibrationWindow()));
    }

    private LabelModel(ModelSettings settings, SoftmaxModel model, ConfidenceCalibration calibration) {
        this.settings = settings;
        this.model = model;
        this.calibration = calibration;
        this.random = new Random(model.steps() * 31 + 16);
    }

    boolean isEmpty() {
        return model.isEmpty();
    }

    SoftmaxModel model() {
        return model;
    }

    /** The best class for x, its raw score, and its calibrated confidence; null while nothing is learned. */
    Scored predict(SparseVector x, Map<String, Double> neighbourShares) {
        if (model.isEmpty()) {
            return null;
        }
        double[] p = model.probabilities(x);
        List<String> classes = model.classes();
        double beta = neighbourShares.isEmpty() ? 0 : settings.neighbourWeight();
        int best = 0;
        double bestScore = -1;
        for (int c = 0; c < p.length; c++) {
            double score = (1 - beta) * p[c] + beta * neighbourShares.getOrDefault(classes.get(c), 0.0);
            if (score > bestScore) {
                bestScore = score;
                best = c;
            }
        }
        return new Scored(classes.get(best), best, bestScore, calibration.confidence(bestScore));
    }

    /**
     * Learns one filing online: first records how its prediction would have fared (for the calibration), then one
     * step on it and the replay steps.
     */
    void learn(SparseVector x, String truth, Map<String, Double> neighbourShares) {
        Scored before = predict(x, neighbourShares);
        if (before != null) {
            calibration.add(before.score(), before.value().equals(truth));
        }
        int truthClass = model.classOf(truth);
        model.counted(truthClass);
        double rate = settings.learningRate();
        step(x, truthClass, rate);
        for (int r = 0; r < Math.min(settings.replay(), replaySize); r++) {
            int pick = random.nextInt(replaySize);
            step(replayVectors[pick], replayClasses[pick], rate);
        }
        replayVectors[replayNext] = x;
        replayClasses[replayNext] = truthClass;
        replayNext = (replayNext + 1) % REPLAY_BUFFER;
        replaySize = Math.min(replaySize + 1, REPLAY_BUFFER);
    }

    /** A further pass over filings already learned (a rebuild's later epochs), at a smaller rate. */
    void relearn(SparseVector x, String truth, int epoch) {
        step(x, model.classOf(truth), settings.learningRate() / (1.0 + epoch));
    }

    private void step(SparseVector x, int truthClass, double rate) {
        double weight = 1;
        if (settings.classWeighting()) {
            int most = 0;
            for (int c = 0; c < model.classes().size(); c++) {
                most = Math.max(most, model.count(c));
            }
            weight = Math.min(3.0, Math.sqrt(most / (double) Math.max(1, model.count(truthClass))));
        }
        model.step(x, truthClass, rate * weight, settings.l2());
    }

    void write(DataOutputStream out) throws IOException {
        model.write(out);
        calibration.write(out);
    }

    static LabelModel read(ModelSettings settings, DataInputStream in) throws IOException {
        return new LabelModel(settings, SoftmaxModel.read(in), ConfidenceCalibration.read(in));
    }

    /** A prediction of the linear model: the value, its class number, raw score and calibrated confidence. */
    record Scored(String value, int classIndex, double score, double confidence) {
    }
}
