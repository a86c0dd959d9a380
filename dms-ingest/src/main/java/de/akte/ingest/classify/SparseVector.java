package de.akte.ingest.classify;

/** A document as hashed features: bucket numbers (distinct) and their weights. */
record SparseVector(int[] indexes, float[] values) {

    int size() {
        return indexes.length;
    }
}
