package de.akte.ingest.pdfa;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One stored page image (PNG, JPEG or one page of a TIFF) with its OCR words.
 *
 * <p>{@code widthPx}/{@code heightPx} are the raw size as stored; {@code rotation} is the clockwise turn
 * (0/90/180/270) that makes the raw image upright and becomes the page's /Rotate, so the image itself
 * is never touched. {@code words} are in the upright image's pixel coordinates.
 */
public record ImagePage(Path file, String mediaType, int pageIndex, int widthPx, int heightPx,
                        float dpiX, float dpiY, int rotation, List<WordBox> words) {
    public ImagePage {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(mediaType, "mediaType");
        if (pageIndex < 0) {
            throw new IllegalArgumentException("pageIndex must be >= 0: " + pageIndex);
        }
        if (widthPx <= 0 || heightPx <= 0) {
            throw new IllegalArgumentException("Image size must be positive: " + widthPx + "x" + heightPx);
        }
        if (!(dpiX > 0) || !(dpiY > 0)) {
            throw new IllegalArgumentException("Resolution must be positive: " + dpiX + "x" + dpiY);
        }
        rotation = Rotations.normalise(rotation);
        words = List.copyOf(words == null ? List.of() : words);
    }
}
