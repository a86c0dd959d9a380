package de.akte.core.infrastructure.opensearch;

import de.akte.core.search.MarkedText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Cuts the snippets of a hit: up to three passages of about 160 characters, cut between words, around the matches,
 * the passages with most matches first chosen and then shown in text order; a document without a match in its text
 * shows how it begins. As the local index's highlighter does, for OCR text that often lacks sentence ends.
 */
final class Snippets {

    static final int MAX_SNIPPETS = 3;
    static final int LENGTH = 160;

    private Snippets() {
    }

    /** The marked and escaped snippets of {@code text}. */
    static List<String> of(String text, TextMatches matches) {
        if (text.isEmpty()) {
            return List.of();
        }
        if (matches.isEmpty()) {
            String beginning = MarkedText.of(text, 0, boundaryNear(text, LENGTH, 0), new int[0], new int[0], 0).strip();
            return beginning.isEmpty() ? List.of() : List.of(beginning);
        }
        List<Passage> passages = new ArrayList<>();
        int i = 0;
        while (i < matches.count()) {
            int matchLength = matches.end(i) - matches.start(i);
            int start = boundaryAtOrBefore(text, Math.max(0, matches.start(i) - Math.max(0, LENGTH - matchLength) / 2));
            int end = Math.max(matches.end(i), boundaryNear(text, start + LENGTH, matches.end(i)));
            int first = i;
            while (i < matches.count() && matches.start(i) < end) {
                end = Math.max(end, matches.end(i));
                i++;
            }
            passages.add(new Passage(start, end, first, i));
        }
        int[] starts = matches.starts();
        int[] ends = matches.ends();
        return passages.stream()
                .sorted(Comparator.comparingInt(Passage::matches).reversed().thenComparingInt(Passage::start))
                .limit(MAX_SNIPPETS)
                .sorted(Comparator.comparingInt(Passage::start))
                .map(p -> MarkedText.of(text, p.start(), p.end(), slice(starts, p), slice(ends, p), p.matches()).strip())
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static int[] slice(int[] values, Passage passage) {
        return java.util.Arrays.copyOfRange(values, passage.firstMatch(), passage.endMatch());
    }

    // a word boundary: the start of the text or the position after a whitespace
    private static int boundaryAtOrBefore(String text, int offset) {
        int at = Math.min(offset, text.length());
        while (at > 0 && !Character.isWhitespace(text.charAt(at - 1))) {
            at--;
        }
        return at;
    }

    // the word boundary (a whitespace or the end) closest to target, not before notBefore
    private static int boundaryNear(String text, int target, int notBefore) {
        if (target >= text.length()) {
            return text.length();
        }
        int before = target;
        while (before > notBefore && !Character.isWhitespace(text.charAt(before))) {
            before--;
        }
        int after = target;
        while (after < text.length() && !Character.isWhitespace(text.charAt(after))) {
            after++;
        }
        boolean beforeFound = before > notBefore || (before == notBefore && before < text.length()
                && Character.isWhitespace(text.charAt(before)));
        return beforeFound && target - before <= after - target ? before : after;
    }

    /** A passage and the matches it holds ({@code [firstMatch, endMatch)}). */
    private record Passage(int start, int end, int firstMatch, int endMatch) {
        int matches() {
            return endMatch - firstMatch;
        }
    }
}
