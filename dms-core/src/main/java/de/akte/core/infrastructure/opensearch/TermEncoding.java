package de.akte.core.infrastructure.opensearch;

import de.akte.core.search.AnalyzedToken;
import java.util.List;

/**
 * Writes analysed terms as the text OpenSearch indexes with the index's {@code akte_terms} analyzer: one
 * whitespace-separated group per position, the terms of a position (a word and its compound parts) joined by
 * {@link #SAME_POSITION}, which the analyzer's {@code pattern_capture} filter splits again at one position.
 * The standard tokenizer never yields whitespace or that sign inside a term.
 */
final class TermEncoding {

    static final char SAME_POSITION = '|';

    private TermEncoding() {
    }

    /** The encoded form of {@code tokens} (in stream order, positions ascending). */
    static String encode(List<AnalyzedToken> tokens) {
        StringBuilder out = new StringBuilder();
        int position = Integer.MIN_VALUE;
        for (AnalyzedToken token : tokens) {
            if (token.position() != position) {
                if (!out.isEmpty()) {
                    out.append(' ');
                }
                position = token.position();
            } else {
                out.append(SAME_POSITION);
            }
            out.append(token.term());
        }
        return out.toString();
    }
}
