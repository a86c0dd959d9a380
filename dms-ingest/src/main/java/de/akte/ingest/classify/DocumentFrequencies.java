package de.akte.ingest.classify;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * In how many learned documents each feature bucket occurs, for inverse document frequencies that follow the
 * filings. Not thread-safe: its owner guards it.
 */
final class DocumentFrequencies {

    private final int[] counts;
    private long documents;

    DocumentFrequencies(int buckets) {
        this.counts = new int[buckets];
    }

    void add(int[] distinctBuckets) {
        for (int bucket : distinctBuckets) {
            counts[bucket]++;
        }
        documents++;
    }

    /** Smoothed: a feature never seen counts as rare, not as infinitely telling. */
    float idf(int bucket) {
        return (float) (Math.log((documents + 1.0) / (counts[bucket] + 1.0)) + 1.0);
    }

    int buckets() {
        return counts.length;
    }

    long documents() {
        return documents;
    }

    void clear() {
        java.util.Arrays.fill(counts, 0);
        documents = 0;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeLong(documents);
        int nonZero = 0;
        for (int count : counts) {
            nonZero += count == 0 ? 0 : 1;
        }
        out.writeInt(counts.length);
        out.writeInt(nonZero);
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 0) {
                out.writeInt(i);
                out.writeInt(counts[i]);
            }
        }
    }

    static DocumentFrequencies read(DataInputStream in) throws IOException {
        long documents = in.readLong();
        DocumentFrequencies frequencies = new DocumentFrequencies(in.readInt());
        frequencies.documents = documents;
        int nonZero = in.readInt();
        for (int i = 0; i < nonZero; i++) {
            int bucket = in.readInt();
            frequencies.counts[bucket] = in.readInt();
        }
        return frequencies;
    }
}
