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
 * @param memory    the share of the {@link DecodedPageBudget} the image holds until {@link #release()}
 */
public record ScannedPage(int index, BufferedImage image, float dpiX, float dpiY, Optional<String> text,
                          boolean reEncoded, DecodedPageBudget.Admission memory) {

    public ScannedPage {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(memory, "memory");
        if (image == null && text.isEmpty()) {
            throw new IllegalArgumentException("a page needs an image or a text layer");
        }
    }

    /** A page that holds no share of a budget. */
    public ScannedPage(int index, BufferedImage image, float dpiX, float dpiY, Optional<String> text,
                       boolean reEncoded) {
        this(index, image, dpiX, dpiY, text, reEncoded, DecodedPageBudget.Admission.none());
    }

    /**
     * Gives the image's share of the budget back: call it once nothing will touch the pixels any more. Safe to call
     * more than once.
     */
    public void release() {
        memory.close();
    }

    /** Whether the page needs OCR: it has an image and no text layer. */
    public boolean needsOcr() {
        return text.isEmpty();
    }
}
