package de.akte.core.infrastructure.lucene;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/** Snippets of the document text around the words a query matched, one highlighter per searcher. */
final class SnippetHighlighter extends UnifiedHighlighter {

    static final int MAX_SNIPPETS = 3;
    // OCR text often lacks sentence ends, so passages are cut at words near a target length instead.
    private static final int SNIPPET_LENGTH = 160;

    SnippetHighlighter(IndexSearcher searcher, Analyzer indexAnalyzer) {
        super(UnifiedHighlighter.builder(searcher, indexAnalyzer)
                .withFormatter(new MarkPassageFormatter())
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getWordInstance(Locale.GERMAN), SNIPPET_LENGTH, 0.5f))
                // the default stops at 10,000 characters: hits on later pages would get no snippet
                .withMaxLength(Integer.MAX_VALUE - 1)
                // a document found by its title still shows how its text begins
                .withMaxNoHighlightPassages(1));
    }

    /** The snippets of each of {@code docIds} (same order), at most {@link #MAX_SNIPPETS} each. */
    List<List<String>> snippets(Query query, int[] docIds) throws IOException {
        int[] maxPassages = {MAX_SNIPPETS};
        Object[] formatted = highlightFieldsAsObjects(new String[] {IndexFields.TEXT}, query, docIds, maxPassages)
                .get(IndexFields.TEXT);
        List<List<String>> result = new ArrayList<>(docIds.length);
        for (Object snippets : formatted) {
            @SuppressWarnings("unchecked")
            List<String> list = snippets == null ? List.of() : (List<String>) snippets;
            result.add(list.stream().filter(s -> !s.isEmpty()).toList());
        }
        return result;
    }
}
