package de.akte.ingest.image;

import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a scanned file, upright as it is displayed.
 *
 * @param index     the page's position, from 0
 * @param image     the page as {@code TYPE_BYTE_GRAY}; {@code null} only for a PDF page with a text layer, which
 *                  needs no OCR
 * @param dpiX      horizontal resolution of {@code image}: from the file's metadata (300 when absent or absurd),
 *                  the effective resolution of a PDF page's image, or the render resolution
 * @param dpiY      vertical resolution, likewise
 * @param text      the text layer of a PDF page, present only when it has a real one
 * @param reEncoded {@code true} when the pixels are not the file's own samples but were rendered from a PDF page
 */
public record ScannedPage(int index, BufferedImage image, float dpiX, float dpiY, Optional<String> text,
                          boolean reEncoded) {

    public ScannedPage {
        Objects.requireNonNull(text, "text");
        if (image == null && text.isEmpty()) {
            throw new IllegalArgumentException("a page needs an image or a text layer");
        }
    }

    /** Whether the page needs OCR: it has an image and no text layer. */
    public boolean needsOcr() {
        return text.isEmpty();
    }
}
