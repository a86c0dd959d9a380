package de.akte.core.infrastructure.opensearch;

import de.akte.core.search.AnalyzedToken;
import de.akte.core.search.PageOffsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Where a query's clauses match in a hit's text, found by analysing the text as the index did: every occurrence
 * counts, so the pages of all matches are known and the snippets mark exactly what was found (a compound by its
 * part, Müller by Mueller, a phrase as a whole).
 */
final class TextMatches {

    private final int[] starts;
    private final int[] ends;

    private TextMatches(List<int[]> spans) {
        spans.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        this.starts = spans.stream().mapToInt(s -> s[0]).toArray();
        this.ends = spans.stream().mapToInt(s -> s[1]).toArray();
    }

    /** The matches of {@code clauses} (query terms with positions) in the analysed {@code text}. */
    static TextMatches of(List<AnalyzedToken> text, List<List<AnalyzedToken>> clauses) {
        Map<String, List<AnalyzedToken>> byTerm = new HashMap<>();
        Map<Integer, List<AnalyzedToken>> byPosition = new HashMap<>();
        for (AnalyzedToken token : text) {
            byTerm.computeIfAbsent(token.term(), t -> new ArrayList<>()).add(token);
            byPosition.computeIfAbsent(token.position(), p -> new ArrayList<>()).add(token);
        }
        List<int[]> spans = new ArrayList<>();
        for (List<AnalyzedToken> clause : clauses) {
            AnalyzedToken first = clause.get(0);
            for (AnalyzedToken candidate : byTerm.getOrDefault(first.term(), List.of())) {
                int end = phraseEnd(clause, candidate, byPosition);
                if (end >= 0) {
                    spans.add(new int[] {candidate.start(), end});
                }
            }
        }
        return new TextMatches(spans);
    }

    // the end offset of the phrase starting at candidate, or -1 if the clause's other terms do not follow it
    private static int phraseEnd(List<AnalyzedToken> clause, AnalyzedToken candidate,
                                 Map<Integer, List<AnalyzedToken>> byPosition) {
        int end = candidate.end();
        int first = clause.get(0).position();
        for (int i = 1; i < clause.size(); i++) {
            AnalyzedToken wanted = clause.get(i);
            int position = candidate.position() + wanted.position() - first;
            AnalyzedToken found = byPosition.getOrDefault(position, List.of()).stream()
                    .filter(t -> t.term().equals(wanted.term())).findFirst().orElse(null);
            if (found == null) {
                return -1;
            }
            end = Math.max(end, found.end());
        }
        return end;
    }

    boolean isEmpty() {
        return starts.length == 0;
    }

    int count() {
        return starts.length;
    }

    int start(int i) {
        return starts[i];
    }

    int end(int i) {
        return ends[i];
    }

    int[] starts() {
        return starts.clone();
    }

    int[] ends() {
        return ends.clone();
    }

    /** The 1-based numbers, ascending, of the pages with a match. */
    List<Integer> pages(PageOffsets offsets) {
        SortedSet<Integer> numbers = new TreeSet<>();
        for (int start : starts) {
            numbers.add(offsets.pageOf(start));
        }
        numbers.remove(0);
        return List.copyOf(numbers);
    }
}
