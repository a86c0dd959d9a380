package de.akte.core.search;

/**
 * A passage of text for a page as the hits carry it: matched words wrapped in {@code <mark>…</mark>}, everything
 * else HTML-escaped, so it can be put into a page as it is.
 */
public final class MarkedText {

    public static final String OPEN = "<mark>";
    public static final String CLOSE = "</mark>";

    private MarkedText() {
    }

    /**
     * The passage {@code [from, to)} of {@code content} with the matches {@code [starts[i], ends[i])} (ascending by
     * start; the first {@code count}) marked. Overlapping matches (the parts of a word share its offsets, phrases
     * overlap their words) are marked once, as one.
     */
    public static String of(String content, int from, int to, int[] starts, int[] ends, int count) {
        StringBuilder out = new StringBuilder();
        int position = from;
        for (int i = 0; i < count; i++) {
            int start = Math.max(starts[i], position);
            int end = ends[i];
            while (i + 1 < count && starts[i + 1] <= end) {
                end = Math.max(end, ends[++i]);
            }
            end = Math.min(end, to);
            if (start >= end) {
                continue;
            }
            escape(content, position, start, out);
            out.append(OPEN);
            escape(content, start, end, out);
            out.append(CLOSE);
            position = end;
        }
        escape(content, position, to, out);
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
