package de.akte.core.recognition;

import java.util.List;
import java.util.Objects;

/**
 * The recognised content of one page.
 *
 * @param width    width of the upright page image in pixels (0 for pages without an image)
 * @param height   height of the upright page image in pixels
 * @param dpi      resolution of that image
 * @param rotation clockwise degrees (0, 90, 180, 270) the scanned image was turned to be upright
 * @param words    word boxes, empty for born-digital text
 */
public record RecognizedContent(String text, PageSource source, int width, int height, int dpi, int rotation,
                                List<WordBox> words) {
    public RecognizedContent {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        words = List.copyOf(words);
        if (rotation % 90 != 0 || rotation < 0 || rotation >= 360) {
            throw new IllegalArgumentException("rotation must be 0, 90, 180 or 270: " + rotation);
        }
    }

    /** A page of a born-digital file. */
    public static RecognizedContent text(String text) {
        return new RecognizedContent(text, PageSource.TEXT, 0, 0, 0, 0, List.of());
    }
}
