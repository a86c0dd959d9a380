package de.akte.ingest.pages;

import de.akte.core.shared.InvalidInputException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How large page images may get, and how much disk the kept ones may take.
 *
 * @param widths             the widths served, ascending; a request is rounded up to the next, so one page has at
 *                           most this many kept images whatever widths callers ask for
 * @param maxSourcePixels    the most pixels decoded for one page before scaling: an embedded or stored image, or
 *                           the bitmap a PDF page is drawn into
 * @param maxProducedPixels  the most pixels of an image served (width × the height that follows from the page)
 * @param cacheBytes         the most bytes of kept page images; beyond it the least recently read are removed
 */
public record PageRenderLimits(List<Integer> widths, long maxSourcePixels, long maxProducedPixels, long cacheBytes) {

    /** The widths served unless configured: thumbnails, viewer sizes, and zoom up to 4000 pixels. */
    public static final List<Integer> DEFAULT_WIDTHS = List.of(160, 320, 640, 960, 1400, 2000, 2800, 4000);

    public PageRenderLimits {
        widths = widths.stream().sorted().distinct().toList();
        if (widths.isEmpty() || widths.get(0) < 16) {
            throw new IllegalArgumentException("page widths must be at least 16 pixels: " + widths);
        }
        if (widths.size() > 32) {
            throw new IllegalArgumentException("at most 32 page widths, not " + widths.size());
        }
        if (maxSourcePixels < 1 || maxProducedPixels < 1 || cacheBytes < 0) {
            throw new IllegalArgumentException("pixel limits must be positive and the cache size not negative");
        }
    }

    /**
     * Thumbnail to zoom widths, 150 megapixels decoded (an A0 plan scanned at 300 dpi, as ingest accepts it),
     * 25 megapixels served (an A4 page 4000 pixels wide is 22.6), 1 GiB of kept pages.
     */
    public static PageRenderLimits defaults() {
        return new PageRenderLimits(DEFAULT_WIDTHS, 150_000_000L, 25_000_000L, 1L << 30);
    }

    /** The default pixel limits for exactly one width: for a renderer given a width the server has rounded already. */
    public static PageRenderLimits exactly(int width) {
        PageRenderLimits d = defaults();
        return new PageRenderLimits(List.of(width), d.maxSourcePixels(), d.maxProducedPixels(), d.cacheBytes());
    }

    /** The served width for a requested one: the smallest configured width at least as large, if any. */
    public Optional<Integer> snap(int requested) {
        return widths.stream().filter(w -> w >= requested).findFirst();
    }

    /**
     * The served width for a requested one.
     *
     * @throws InvalidInputException when it is wider than the widest served
     */
    public int served(int requested) {
        return snap(requested).orElseThrow(() -> new InvalidInputException("width", String.format(Locale.ROOT,
                "width %d is wider than the widest page image of %d pixels (served widths: %s; a width in between "
                        + "is rounded up)", requested, widest(), widthList())));
    }

    /** The widest image served. */
    public int widest() {
        return widths.get(widths.size() - 1);
    }

    /** Parses a comma-separated width list such as {@code 160,640,1400}. */
    public static List<Integer> parseWidths(String commaSeparated) {
        try {
            return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .map(Integer::valueOf).collect(Collectors.toList());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("page widths must be whole numbers separated by commas: "
                    + commaSeparated, e);
        }
    }

    /** The widths as a caller reads them in a refusal. */
    String widthList() {
        return widths.stream().map(w -> String.format(Locale.ROOT, "%d", w)).collect(Collectors.joining(", "));
    }
}
