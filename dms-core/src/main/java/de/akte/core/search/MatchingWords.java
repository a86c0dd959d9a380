package de.akte.core.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Which words of a page a free-text query matches, as {@link TextIndex#matchingWords} promises, for any backend. */
public final class MatchingWords {

    private MatchingWords() {
    }

    /** The positions in {@code words}, ascending, of the words {@code query} matches under {@code analysis}. */
    public static List<Integer> of(String query, List<String> words, TextAnalysis analysis) {
        if (query == null || query.isBlank() || words.isEmpty()) {
            return List.of();
        }
        Set<String> wanted = new HashSet<>();
        for (String term : query.strip().split("\\s+")) {
            // operators and negations name no word to highlight
            if (term.startsWith("-") || term.startsWith("!") || term.equals("AND") || term.equals("OR")
                    || term.equals("NOT")) {
                continue;
            }
            analysis.forQuery(term.replace("*", "").replace("\"", "")).forEach(t -> wanted.add(t.term()));
        }
        if (wanted.isEmpty()) {
            return List.of();
        }
        List<Integer> matching = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            // the index side adds compound parts: Bauantrag is found by Antrag, so its box lights up too
            if (word != null && analysis.forIndex(word).stream().anyMatch(t -> wanted.contains(t.term()))) {
                matching.add(i);
            }
        }
        return matching;
    }
}
