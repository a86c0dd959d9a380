package de.akte.core.search;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where each page starts in the joined text of a document, to turn a match offset into a page number.
 *
 * @param starts offset of the first character of each page, ascending, page 1 first
 */
public record PageOffsets(int[] starts) {

    /** Put between two pages: a paragraph break, so no passage runs from one page into the next sentence. */
    public static final String SEPARATOR = "\n\n";

    public PageOffsets {
        starts = starts.clone();
    }

    /** The offsets of {@code pages} joined with {@link #SEPARATOR}. */
    public static PageOffsets of(List<String> pages) {
        int[] starts = new int[pages.size()];
        int offset = 0;
        for (int i = 0; i < pages.size(); i++) {
            starts[i] = offset;
            offset += pages.get(i).length() + SEPARATOR.length();
        }
        return new PageOffsets(starts);
    }

    /** The pages joined with {@link #SEPARATOR}, as indexed. */
    public static String join(List<String> pages) {
        return String.join(SEPARATOR, pages);
    }

    /** Reads the form written by {@link #encode()}. */
    public static PageOffsets decode(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return new PageOffsets(new int[0]);
        }
        return new PageOffsets(Arrays.stream(encoded.split(",")).mapToInt(Integer::parseInt).toArray());
    }

    /** A compact stored form: the offsets, comma-separated. */
    public String encode() {
        return Arrays.stream(starts).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    /** The 1-based number of the page holding {@code offset}; 0 if there are no pages. */
    public int pageOf(int offset) {
        int i = Arrays.binarySearch(starts, offset);
        // not found: -(insertion point) - 1, and the page is the one before the insertion point
        return i >= 0 ? i + 1 : -i - 1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PageOffsets that && Arrays.equals(starts, that.starts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(starts);
    }

    @Override
    public String toString() {
        return "PageOffsets" + Arrays.toString(starts);
    }
}
