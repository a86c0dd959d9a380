package de.akte.core.application.search;

import java.util.List;

/**
 * Where the words a query matches stand on one page image: boxes in pixels of the upright page image
 * ({@code width} × {@code height}, as in {@link DocumentText}), origin top left. Empty for pages without word boxes
 * (born-digital text).
 */
public record PageHits(long documentId, int version, int page, int width, int height, List<Box> boxes) {

    /** The box of one matching word, in pixels and relative (0..1) to the page. */
    public record Box(String text, int x, int y, int width, int height, double relX, double relY, double relWidth,
                      double relHeight) {
    }

    public PageHits {
        boxes = List.copyOf(boxes);
    }
}
