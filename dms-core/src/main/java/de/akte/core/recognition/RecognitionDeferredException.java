package de.akte.core.recognition;

/** Recognition needs something that is missing right now (e.g. Tesseract); the document waits and is tried again. */
public class RecognitionDeferredException extends RuntimeException {
    public RecognitionDeferredException(String reason) {
        super(reason);
    }
}
