package de.akte.ingest.testing;

import java.util.ArrayList;
import java.util.List;

/** Word error rate of recognised text against ground truth, for judging OCR in tests. */
public final class WordErrorRate {

    private WordErrorRate() {
    }

    /**
     * Word-level Levenshtein distance divided by the number of expected words, after normalising whitespace and
     * stripping punctuation at the edges of words (so {@code "Müller,"} matches {@code "Müller"}, while
     * {@code "32-41/2025"} and {@code "27.11.2026"} keep their inner marks). Case counts. 0 when both are empty,
     * 1 when only {@code expected} is.
     */
    public static double between(String expected, String actual) {
        List<String> truth = words(expected);
        List<String> recognised = words(actual);
        if (truth.isEmpty()) {
            return recognised.isEmpty() ? 0 : 1;
        }
        int[] previous = new int[recognised.size() + 1];
        int[] current = new int[recognised.size() + 1];
        for (int j = 0; j <= recognised.size(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= truth.size(); i++) {
            current[0] = i;
            for (int j = 1; j <= recognised.size(); j++) {
                int substitution = previous[j - 1] + (truth.get(i - 1).equals(recognised.get(j - 1)) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return (double) previous[recognised.size()] / truth.size();
    }

    /** The words of a text, punctuation stripped from their edges, empty ones dropped. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String token : text.strip().split("\\s+")) {
            String word = token.replaceAll("^[\\p{P}\\p{S}]+|[\\p{P}\\p{S}]+$", "");
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }
}
