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
 */
public record RecognitionSettings(OcrSettings ocr, SeparatorSettings separators, ImageLimits limits,
                                  int minTextCharacters, double deskewAboveDegrees) {

    public RecognitionSettings {
        Objects.requireNonNull(ocr, "ocr");
        Objects.requireNonNull(separators, "separators");
        Objects.requireNonNull(limits, "limits");
        if (minTextCharacters < 0) {
            throw new IllegalArgumentException("minTextCharacters must not be negative");
        }
    }

    /** German and English OCR, the standard separator codes, 150 megapixels a page, deskew above 1°. */
    public static RecognitionSettings defaults() {
        return new RecognitionSettings(OcrSettings.defaults(), SeparatorSettings.defaults(), ImageLimits.defaults(),
                20, 1.0);
    }

    /** These settings with other OCR settings. */
    public RecognitionSettings withOcr(OcrSettings newOcr) {
        return new RecognitionSettings(newOcr, separators, limits, minTextCharacters, deskewAboveDegrees);
    }
}
