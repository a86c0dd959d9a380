package de.akte.ingest.image;

import java.util.Locale;

import de.akte.core.text.QuarantinedContentException;

/**
 * How much of a scanned file is decoded before it is refused as a decompression bomb.
 *
 * @param maxPixelsPerPage the most pixels one page image may have; checked against the header before decoding
 * @param maxPages         the most pages a file may have
 * @param renderDpi        the resolution PDF pages are rendered at when they have no single full-page image
 */
public record ImageLimits(long maxPixelsPerPage, int maxPages, int renderDpi) {

    public ImageLimits {
        if (maxPixelsPerPage < 1) {
            throw new IllegalArgumentException("maxPixelsPerPage must be positive: " + maxPixelsPerPage);
        }
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be positive: " + maxPages);
        }
        if (renderDpi < 50 || renderDpi > 1200) {
            throw new IllegalArgumentException("renderDpi must be between 50 and 1200: " + renderDpi);
        }
    }

    /** 150 megapixels per page, 5000 pages, rendering at 300 dpi. */
    public static ImageLimits defaults() {
        // A0 at 300 dpi is ~140 MP: building plans must pass; a gray page that size takes 150 MB of heap
        return new ImageLimits(150_000_000L, 5000, 300);
    }

    /** These limits with another page pixel limit. */
    public ImageLimits withMaxPixelsPerPage(long pixels) {
        return new ImageLimits(pixels, maxPages, renderDpi);
    }

    /** Throws if a page of the given size is over the pixel limit. */
    void checkPixels(long width, long height) {
        if (width * height > maxPixelsPerPage) {
            throw new QuarantinedContentException(String.format(Locale.ROOT,
                    "The image claims %d × %d pixels, more than the limit of %d megapixels per page",
                    width, height, maxPixelsPerPage / 1_000_000));
        }
    }

    /** Throws if a file has more pages than allowed. */
    void checkPages(int pages) {
        if (pages > maxPages) {
            throw new QuarantinedContentException(String.format(Locale.ROOT,
                    "The file has more than %d pages, the limit for one file", maxPages));
        }
    }
}
