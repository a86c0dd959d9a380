package de.akte.ingest.classify;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Turns a model's raw score into the share of predictions with that score that were right, so a confidence of 0.9
 * means nine in ten are right. It remembers the outcomes of the last predictions made before each filing was learned
 * (predict, then learn: the same situation as in production) and fits a monotone step function to them (isotonic
 * regression, pool-adjacent-violators). A step of n outcomes with k right says k / (n + 2): few outcomes never make
 * a sure prediction, so a young department's classifier asks before it files. Not thread-safe: its owner guards it.
 */
final class ConfidenceCalibration {

    private final float[] scores;
    private final boolean[] right;
    private int size;
    private int next;
    private float[] stepStarts;
    private float[] stepValues;

    ConfidenceCalibration(int window) {
        this.scores = new float[window];
        this.right = new boolean[window];
    }

    void add(double score, boolean wasRight) {
        scores[next] = (float) score;
        right[next] = wasRight;
        next = (next + 1) % scores.length;
        size = Math.min(size + 1, scores.length);
        stepStarts = null;
    }

    int outcomes() {
        return size;
    }

    /** The calibrated confidence of a raw score: 0 while no outcome is known. */
    double confidence(double score) {
        if (size == 0) {
            return 0;
        }
        if (stepStarts == null) {
            fit();
        }
        int at = Arrays.binarySearch(stepStarts, (float) score);
        int step = at >= 0 ? at : -at - 2;
        return step < 0 ? stepValues[0] * score / Math.max(stepStarts[0], 1e-6) : stepValues[step];
    }

    private void fit() {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Float.compare(scores[a], scores[b]));
        // pool adjacent violators: blocks of (first score, outcomes, right ones), merged while not increasing
        float[] start = new float[size];
        int[] total = new int[size];
        int[] hits = new int[size];
        int blocks = 0;
        float previous = Float.NaN;
        for (int i : order) {
            if (blocks > 0 && scores[i] == previous) {
                // equal scores are one step: their order among themselves means nothing
                total[blocks - 1]++;
                hits[blocks - 1] += right[i] ? 1 : 0;
            } else {
                start[blocks] = scores[i];
                total[blocks] = 1;
                hits[blocks] = right[i] ? 1 : 0;
                blocks++;
            }
            previous = scores[i];
            while (blocks > 1 && (double) hits[blocks - 2] / total[blocks - 2] >= (double) hits[blocks - 1] / total[blocks - 1]) {
                total[blocks - 2] += total[blocks - 1];
                hits[blocks - 2] += hits[blocks - 1];
                blocks--;
            }
        }
        stepStarts = Arrays.copyOf(start, blocks);
        stepValues = new float[blocks];
        float highest = 0;
        for (int b = 0; b < blocks; b++) {
            highest = Math.max(highest, hits[b] / (total[b] + 2f));
            stepValues[b] = highest; // the shrinking must not undo the order
        }
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(scores.length);
        out.writeInt(size);
        for (int i = 0; i < size; i++) {
            // oldest first, so reading them back in order restores the window
            int at = (next - size + i + scores.length) % scores.length;
            out.writeFloat(scores[at]);
            out.writeBoolean(right[at]);
        }
    }

    static ConfidenceCalibration read(DataInputStream in) throws IOException {
        ConfidenceCalibration calibration = new ConfidenceCalibration(in.readInt());
        int size = in.readInt();
        for (int i = 0; i < size; i++) {
            calibration.add(in.readFloat(), in.readBoolean());
        }
        return calibration;
    }
}
