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

    /** A page recognised upright. */
    public RecognizedPage(int widthPx, int heightPx, String text, List<RecognizedWord> words) {
        this(widthPx, heightPx, text, words, 0);
    }
}
