package de.akte.ingest.ocr;

import de.akte.ingest.testing.InstalledTesseract;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OcrAvailabilityTest {

    @Test
    void aMissingBinaryIsUnavailableAndTheReasonNamesThePackages() {
        OcrSettings settings = new OcrSettings("/nonexistent/tesseract", List.of("deu", "eng"),
                OcrSettings.defaults().timeout(), 300);

        OcrAvailability availability = OcrAvailability.probe(settings);

        assertFalse(availability.available());
        assertTrue(availability.reason().contains("tesseract-ocr-deu"), availability.reason());
    }

    @Test
    void aMissingLanguageIsUnavailableAndTheReasonNamesItsPackage() {
        InstalledTesseract.probe().assumeAvailable();
        OcrSettings settings = new OcrSettings("tesseract", List.of("deu", "xyz"),
                OcrSettings.defaults().timeout(), 300);

        OcrAvailability availability = OcrAvailability.probe(settings);

        assertFalse(availability.available());
        assertTrue(availability.reason().contains("tesseract-ocr-xyz"), availability.reason());
        assertFalse(availability.reason().contains("deu"), availability.reason());
    }

    @Test
    void theInstalledTesseractWithGermanAndEnglishIsAvailable() {
        InstalledTesseract.probe().assumeAvailable();

        assertTrue(OcrAvailability.probe(OcrSettings.defaults()).available());
    }
}
