package de.akte.ingest.ocr;

/**
 * Tesseract could not be started at all. The installation is to blame, not the page: the page can be
 * recognised once Tesseract is installed.
 */
public class OcrUnavailableException extends IllegalStateException {
    public OcrUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
