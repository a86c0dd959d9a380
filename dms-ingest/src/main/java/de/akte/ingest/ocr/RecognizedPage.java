package de.akte.ingest.ocr;

import java.util.List;
import java.util.Objects;

/**
 * The text recognised on one page image.
 *
 * @param widthPx  width of the page image in pixels, the space the word boxes are in
 * @param heightPx height of the page image in pixels
 * @param text     the words of a line joined by spaces, the lines by newlines, in reading order
 * @param words    every word with its box, in reading order
 */
public record RecognizedPage(int widthPx, int heightPx, String text, List<RecognizedWord> words) {
    public RecognizedPage {
        Objects.requireNonNull(text, "text");
        words = List.copyOf(words);
    }
}
