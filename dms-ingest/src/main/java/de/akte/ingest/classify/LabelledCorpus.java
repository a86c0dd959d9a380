package de.akte.ingest.classify;

import java.nio.charset.Charset;
import java.util.List;

/** A labelled corpus as read from a file: its documents in file order, the lines skipped, and the encoding found. */
public record LabelledCorpus(List<LabelledText> documents, List<BadLine> badLines, Charset charset) {

    public LabelledCorpus {
        documents = List.copyOf(documents);
        badLines = List.copyOf(badLines);
    }

    /** A line that could not be read, and why. */
    public record BadLine(int lineNumber, String problem) {
        @Override
        public String toString() {
            return "line " + lineNumber + ": " + problem;
        }
    }
}
