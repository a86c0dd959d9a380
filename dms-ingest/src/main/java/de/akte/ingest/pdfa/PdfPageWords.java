package de.akte.ingest.pdfa;

import java.util.List;

/**
 * OCR words for one page of an existing image-only PDF.
 *
 * <p>Coordinates are pixels of the page as rendered by {@code PDFRenderer.renderImageWithDPI(page, dpi)}
 * and then turned clockwise by {@code extraRotation} (0/90/180/270), which is added to the page's /Rotate.
 */
public record PdfPageWords(int pageIndex, float dpi, int extraRotation, int uprightWidthPx, int uprightHeightPx,
                           List<WordBox> words) {
    public PdfPageWords {
        if (pageIndex < 0) {
            throw new IllegalArgumentException("pageIndex must be >= 0: " + pageIndex);
        }
        if (!(dpi > 0)) {
            throw new IllegalArgumentException("dpi must be positive: " + dpi);
        }
        if (uprightWidthPx < 0 || uprightHeightPx < 0) {
            throw new IllegalArgumentException("Upright size must not be negative");
        }
        extraRotation = Rotations.normalise(extraRotation);
        words = List.copyOf(words == null ? List.of() : words);
    }
}
