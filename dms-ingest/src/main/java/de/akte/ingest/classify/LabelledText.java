package de.akte.ingest.classify;

/** One line of a labelled corpus: the text, its true label, and where it stood in the file. */
public record LabelledText(String label, String text, int lineNumber) {
}
