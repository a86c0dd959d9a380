package de.akte.ingest.recognition;

import de.akte.ingest.barcode.SeparatorSettings;
import de.akte.ingest.image.ImageLimits;
import de.akte.ingest.ocr.OcrSettings;

import java.util.Objects;

/**
 * How scans are recognised.
 *
 * @param minTextCharacters a PDF page with fewer non-blank characters of its own text is treated as a scan
 * @param deskewAboveDegrees pages skewed more than this are straightened before OCR; below, Tesseract copes
 * @param uprightConfidence a page read as upright with a lower mean word confidence (0–100) is read again with
 *                          orientation detection
 */
public record RecognitionSettings(OcrSettings ocr, SeparatorSettings separators, ImageLimits limits,
                                  int minTextCharacters, double deskewAboveDegrees, double uprightConfidence) {

    public RecognitionSettings {
        Objects.requireNonNull(ocr, "ocr");
        Objects.requireNonNull(separators, "separators");
        Objects.requireNonNull(limits, "limits");
        if (minTextCharacters < 0) {
            throw new IllegalArgumentException("minTextCharacters must not be negative");
        }
        if (uprightConfidence < 0 || uprightConfidence > 100) {
            throw new IllegalArgumentException("uprightConfidence must be between 0 and 100");
        }
    }

    /**
     * German and English OCR, the standard separator codes, 150 megapixels a page, deskew above 1°, orientation
     * detection below a mean word confidence of 60 (upright print reads at 85–95, upside-down text below 40).
     */
    public static RecognitionSettings defaults() {
        return new RecognitionSettings(OcrSettings.defaults(), SeparatorSettings.defaults(), ImageLimits.defaults(),
                20, 1.0, 60);
    }

    /** These settings with other OCR settings. */
    public RecognitionSettings withOcr(OcrSettings newOcr) {
        return new RecognitionSettings(newOcr, separators, limits, minTextCharacters, deskewAboveDegrees,
                uprightConfidence);
    }
}
