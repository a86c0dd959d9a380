package de.akte.core.recognition;

/**
 * Recognition of the file ran past a time limit (a page Tesseract did not finish). It may pass when the machine is
 * less busy, so it is tried again a few times, then the document fails with the reason for an administrator.
 */
public class RecognitionTimedOutException extends RuntimeException {
    public RecognitionTimedOutException(String reason) {
        super(reason);
    }
}
