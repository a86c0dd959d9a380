package de.akte.ingest.classify;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Multinomial logistic regression over hashed features, learned by stochastic gradient descent one example at a
 * time, so a filing teaches it at once. Classes are added as they are first filed. The L2 penalty is applied by
 * scaling all weights at once (a factor beside the weights), so a step costs only the example's features times the
 * classes. Not thread-safe: its owner guards it.
 */
final class SoftmaxModel {

    private final int buckets;
    private final List<String> classes = new ArrayList<>();
    private final Map<String, Integer> classIndex = new HashMap<>();
    private final List<float[]> weights = new ArrayList<>();
    // averaged SGD: the sum of step number times change, so that the mean weight is w - sums / steps
    private final List<float[]> sums;
    private float[] biasSums = new float[0];
    private final List<Integer> counts = new ArrayList<>();
    private float[] bias = new float[0];
    private double scale = 1;
    private long steps;

    SoftmaxModel(int buckets, boolean averaged) {
        this.buckets = buckets;
        this.sums = averaged ? new ArrayList<>() : null;
    }

    List<String> classes() {
        return Collections.unmodifiableList(classes);
    }

    boolean isEmpty() {
        return classes.isEmpty();
    }

    int classOf(String value) {
        Integer index = classIndex.get(value);
        if (index != null) {
            return index;
        }
        classes.add(value);
        classIndex.put(value, classes.size() - 1);
        weights.add(new float[buckets]);
        if (sums != null) {
            sums.add(new float[buckets]);
            biasSums = java.util.Arrays.copyOf(biasSums, classes.size());
        }
        counts.add(0);
        bias = java.util.Arrays.copyOf(bias, classes.size());
        return classes.size() - 1;
    }

    int count(int classIndex) {
        return counts.get(classIndex);
    }

    void counted(int classIndex) {
        counts.set(classIndex, counts.get(classIndex) + 1);
    }

    /** The probability of each class, in {@link #classes()} order. */
    double[] probabilities(SparseVector x) {
        return probabilities(x, true);
    }

    // learning follows the last weights; predictions may use their average
    private double[] probabilities(SparseVector x, boolean mean) {
        List<float[]> sums = mean ? this.sums : null;
        int n = classes.size();
        double[] scores = new double[n];
        int[] indexes = x.indexes();
        float[] values = x.values();
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < n; c++) {
            float[] w = weights.get(c);
            double dot = 0;
            for (int i = 0; i < indexes.length; i++) {
                dot += w[indexes[i]] * values[i];
            }
            scores[c] = dot * scale + bias[c];
            if (sums != null && steps > 0) {
                float[] u = sums.get(c);
                double correction = 0;
                for (int i = 0; i < indexes.length; i++) {
                    correction += u[indexes[i]] * values[i];
                }
                scores[c] -= (correction + biasSums[c]) / steps;
            }
            max = Math.max(max, scores[c]);
        }
        double sum = 0;
        for (int c = 0; c < n; c++) {
            scores[c] = Math.exp(scores[c] - max);
            sum += scores[c];
        }
        for (int c = 0; c < n; c++) {
            scores[c] /= sum;
        }
        return scores;
    }

    /** One gradient step of the log loss towards {@code truth}, at the given rate. */
    void step(SparseVector x, int truth, double rate, double l2) {
        double[] p = probabilities(x, false);
        steps++;
        if (l2 > 0 && sums == null) {
            scale *= 1 - rate * l2;
            if (scale < 1e-4) {
                rescale();
            }
        }
        int[] indexes = x.indexes();
        float[] values = x.values();
        for (int c = 0; c < p.length; c++) {
            double gradient = ((c == truth ? 1 : 0) - p[c]) * rate;
            if (Math.abs(gradient) < 1e-7) {
                continue;
            }
            float g = (float) (gradient / scale);
            float[] w = weights.get(c);
            for (int i = 0; i < indexes.length; i++) {
                w[indexes[i]] += g * values[i];
            }
            bias[c] += (float) (gradient * 0.1);
            if (this.sums != null) {
                float[] u = this.sums.get(c);
                float tg = g * (steps - 1);
                for (int i = 0; i < indexes.length; i++) {
                    u[indexes[i]] += tg * values[i];
                }
                biasSums[c] += (float) (gradient * 0.1 * (steps - 1));
            }
        }
    }

    long steps() {
        return steps;
    }

    /** The class's weights of the given buckets (scaled), to explain a prediction. */
    double weight(int classIndex, int bucket) {
        return weights.get(classIndex)[bucket] * scale;
    }

    private void rescale() {
        for (float[] w : weights) {
            for (int i = 0; i < w.length; i++) {
                w[i] *= (float) scale;
            }
        }
        scale = 1;
    }

    void write(DataOutputStream out) throws IOException {
        rescale();
        out.writeInt(buckets);
        out.writeBoolean(sums != null);
        out.writeLong(steps);
        out.writeInt(classes.size());
        for (int c = 0; c < classes.size(); c++) {
            out.writeUTF(classes.get(c));
            out.writeInt(counts.get(c));
            out.writeFloat(bias[c]);
            writeSparse(out, weights.get(c));
            if (sums != null) {
                out.writeFloat(biasSums[c]);
                writeSparse(out, sums.get(c));
            }
        }
    }

    static SoftmaxModel read(DataInputStream in) throws IOException {
        SoftmaxModel model = new SoftmaxModel(in.readInt(), in.readBoolean());
        model.steps = in.readLong();
        int n = in.readInt();
        for (int c = 0; c < n; c++) {
            int index = model.classOf(in.readUTF());
            model.counts.set(index, in.readInt());
            model.bias[index] = in.readFloat();
            readSparse(in, model.weights.get(index));
            if (model.sums != null) {
                model.biasSums[index] = in.readFloat();
                readSparse(in, model.sums.get(index));
            }
        }
        return model;
    }

    // most buckets of a class stay 0 in a small department: only the others are written
    private static void writeSparse(DataOutputStream out, float[] values) throws IOException {
        int nonZero = 0;
        for (float v : values) {
            nonZero += v == 0 ? 0 : 1;
        }
        out.writeInt(nonZero);
        for (int i = 0; i < values.length; i++) {
            if (values[i] != 0) {
                out.writeInt(i);
                out.writeFloat(values[i]);
            }
        }
    }

    private static void readSparse(DataInputStream in, float[] values) throws IOException {
        int nonZero = in.readInt();
        for (int i = 0; i < nonZero; i++) {
            int bucket = in.readInt();
            values[bucket] = in.readFloat();
        }
    }
}
