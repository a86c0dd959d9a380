package de.akte.core.recognition;

import java.util.Objects;

/**
 * One recognised word and its box in pixels of the upright page image (origin top left).
 *
 * @param confidence Tesseract's confidence 0–100
 */
public record WordBox(String text, int x, int y, int width, int height, int confidence) {
    public WordBox {
        Objects.requireNonNull(text, "text");
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("negative box size");
        }
    }
}
