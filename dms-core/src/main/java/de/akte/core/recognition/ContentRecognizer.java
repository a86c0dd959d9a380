package de.akte.core.recognition;

import java.nio.file.Path;

/**
 * Turns a stored original into what the record store keeps about its content: the type detected from the
 * bytes, text and word boxes per page, found fields, an archival rendition, or the parts of a scanned batch.
 *
 * <p>Failures: {@link de.akte.core.text.UnreadableContentException} (the file cannot be read, for good),
 * {@link de.akte.core.text.QuarantinedContentException} (refused as dangerous or unacceptable),
 * {@link RecognitionDeferredException} (a capability such as OCR is missing now; try again later); anything
 * else is transient and retried.
 */
public interface ContentRecognizer {

    /**
     * Recognises one original. The caller closes the result, which removes its temporary files.
     *
     * @param original a local copy of the stored original
     * @param fileName the name the file came with, only a hint
     * @param title    the document's title, for the rendition's metadata
     */
    Recognition recognize(Path original, String fileName, String title);

    /** Whether text recognition of scans is possible right now, and if not, why. */
    Capability ocr();
}
