package de.akte.ingest.classify;

/**
 * How the learned model reads and learns: hashed feature space ({@code 2^bits} buckets), the weight of each kind of
 * feature (0 leaves it out), tf-idf or plain tf, the SGD learning rate and L2 penalty, how many earlier filings are
 * replayed with each new one, epochs of a rebuild, how much the nearest neighbours' vote counts beside the linear
 * model (0–1), whether rare classes weigh more, over how many recent outcomes confidence is calibrated, and whether
 * predictions use the average of the weights over all steps (averaged SGD) instead of the last ones.
 */
record ModelSettings(int bits, float stemWeight, float bigramWeight, float gramWeight, boolean idf,
                     float learningRate, float l2, int replay, int epochs, float neighbourWeight,
                     boolean classWeighting, int calibrationWindow, boolean averaged) {

    static final ModelSettings DEFAULTS = new ModelSettings(18, 1.0f, 0.5f, 0.7f, false, 0.5f, 1e-6f, 16, 5, 0.0f,
            false, 2000, false);

    ModelSettings {
        if (bits < 10 || bits > 24) {
            throw new IllegalArgumentException("bits must be 10–24: " + bits);
        }
        if (neighbourWeight < 0 || neighbourWeight > 1) {
            throw new IllegalArgumentException("neighbourWeight must be 0–1: " + neighbourWeight);
        }
        if (epochs < 1 || replay < 0 || calibrationWindow < 1) {
            throw new IllegalArgumentException("epochs >= 1, replay >= 0, calibrationWindow >= 1");
        }
    }

    ModelSettings withNeighbourWeight(float weight) {
        return new ModelSettings(bits, stemWeight, bigramWeight, gramWeight, idf, learningRate, l2, replay, epochs,
                weight, classWeighting, calibrationWindow, averaged);
    }
}
