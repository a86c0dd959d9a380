package de.akte.ingest.ocr;

import java.util.List;
import java.util.Objects;

/**
 * The text recognised on one page image.
 *
 * @param widthPx     width of the page image in pixels, the space the word boxes are in
 * @param heightPx    height of the page image in pixels
 * @param text        the words of a line joined by spaces, the lines by newlines, in reading order
 * @param words       every word with its box in the image as given, in reading order
 * @param orientation clockwise degrees (0, 90, 180, 270) the image must be turned for its text to be upright
 */
public record RecognizedPage(int widthPx, int heightPx, String text, List<RecognizedWord> words, int orientation) {
    public RecognizedPage {
        Objects.requireNonNull(text, "text");
        words = List.copyOf(words);
        if (orientation % 90 != 0 || orientation < 0 || orientation >= 360) {
            throw new IllegalArgumentException("orientation must be 0, 90, 180 or 270: " + orientation);
        }
    }

    /** The mean of the words' confidences, 0 to 100; 0 for a page without words. */
    public double meanConfidence() {
        return words.stream().mapToInt(RecognizedWord::confidence).average().orElse(0);
    }

    /**
     * Whether the text was read in lines running left to right: most words of three or more characters are wider
     * than tall. Text on a sideways page is read, if at all, in tall word boxes.
     */
    public boolean runsHorizontally() {
        long wide = 0;
        long tall = 0;
        for (RecognizedWord w : words) {
            if (w.text().codePointCount(0, w.text().length()) < 3) {
                continue;
            }
            if (w.x1() - w.x0() >= w.y1() - w.y0()) {
                wide++;
            } else {
                tall++;
            }
        }
        return wide >= 2 * tall;
    }

    /** A page recognised upright. */
    public RecognizedPage(int widthPx, int heightPx, String text, List<RecognizedWord> words) {
        this(widthPx, heightPx, text, words, 0);
    }
}
