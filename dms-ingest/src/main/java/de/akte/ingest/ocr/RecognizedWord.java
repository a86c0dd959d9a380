package de.akte.ingest.ocr;

import java.util.Objects;

/**
 * One recognised word and where it is on the page image, in pixels from the top left corner.
 *
 * @param x0         left edge, inclusive
 * @param y0         top edge, inclusive
 * @param x1         right edge
 * @param y1         bottom edge
 * @param confidence Tesseract's confidence in the word, 0 to 100; 0 when hOCR did not say
 */
public record RecognizedWord(String text, int x0, int y0, int x1, int y1, int confidence) {
    public RecognizedWord {
        Objects.requireNonNull(text, "text");
    }
}
