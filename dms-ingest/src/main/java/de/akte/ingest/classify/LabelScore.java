package de.akte.ingest.classify;

/** Precision, recall and F1 of one label, and how many documents truly carry it. */
public record LabelScore(String label, double precision, double recall, double f1, int support) {
}
