package de.akte.ingest.ocr;

import de.akte.core.recognition.RecognitionTimedOutException;

/** Tesseract did not finish a page within the timeout and was killed; the message is a reason for users. */
public class OcrTimeoutException extends RecognitionTimedOutException {
    public OcrTimeoutException(String reason) {
        super(reason);
    }
}
