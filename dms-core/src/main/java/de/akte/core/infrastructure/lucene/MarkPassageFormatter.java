package de.akte.core.infrastructure.lucene;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Formats each passage as its own snippet: matched words wrapped in {@code <mark>…</mark>}, all other
 * text HTML-escaped, so a snippet can be put into a page as it is. Returns a {@code List<String>}.
 */
final class MarkPassageFormatter extends PassageFormatter {

    static final String OPEN = "<mark>";
    static final String CLOSE = "</mark>";

    @Override
    public Object format(Passage[] passages, String content) {
        List<String> snippets = new ArrayList<>(passages.length);
        for (Passage passage : passages) {
            snippets.add(format(passage, content).strip());
        }
        return snippets;
    }

    private static String format(Passage passage, String content) {
        StringBuilder out = new StringBuilder();
        int position = passage.getStartOffset();
        int[] starts = passage.getMatchStarts();
        int[] ends = passage.getMatchEnds();
        for (int i = 0; i < passage.getNumMatches(); i++) {
            int start = Math.max(starts[i], position);
            int end = ends[i];
            // the parts of a word share its offsets and phrases overlap their words: extend, never repeat
            while (i + 1 < passage.getNumMatches() && starts[i + 1] <= end) {
                end = Math.max(end, ends[++i]);
            }
            end = Math.min(end, passage.getEndOffset());
            if (start >= end) {
                continue;
            }
            escape(content, position, start, out);
            out.append(OPEN);
            escape(content, start, end, out);
            out.append(CLOSE);
            position = end;
        }
        escape(content, position, passage.getEndOffset(), out);
        return out.toString();
    }

    private static void escape(String content, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = content.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
