package de.akte.core.infrastructure.lucene;

import de.akte.core.search.MarkedText;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Formats each passage as its own snippet ({@link MarkedText}: matched words wrapped in {@code <mark>…</mark>}, all
 * other text HTML-escaped). Returns a {@code List<String>}.
 */
final class MarkPassageFormatter extends PassageFormatter {

    @Override
    public Object format(Passage[] passages, String content) {
        List<String> snippets = new ArrayList<>(passages.length);
        for (Passage passage : passages) {
            snippets.add(format(passage, content).strip());
        }
        return snippets;
    }

    private static String format(Passage passage, String content) {
        return MarkedText.of(content, passage.getStartOffset(), passage.getEndOffset(), passage.getMatchStarts(),
                passage.getMatchEnds(), passage.getNumMatches());
    }
}
