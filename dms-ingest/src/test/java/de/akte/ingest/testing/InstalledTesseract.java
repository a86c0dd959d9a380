package de.akte.ingest.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.akte.ingest.ocr.OcrAvailability;
import de.akte.ingest.ocr.OcrSettings;

/**
 * The Tesseract the OCR tests run against: the one on the {@code PATH} with German and English.
 * Without it the tests are skipped locally and fail on CI ({@code CI=true}).
 */
public final class InstalledTesseract {

    private final OcrAvailability availability;

    private InstalledTesseract(OcrAvailability availability) {
        this.availability = availability;
    }

    /** Probes the installation. Without a usable one this fails on CI; elsewhere it says so on stderr. */
    public static InstalledTesseract probe() {
        OcrAvailability availability = OcrAvailability.probe(OcrSettings.defaults());
        if (!availability.available()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(availability.reason());
            }
            System.err.println("Tesseract tests skipped. " + availability.reason());
        }
        return new InstalledTesseract(availability);
    }

    /** Whether the tests can run. */
    public boolean isAvailable() {
        return availability.available();
    }

    /** Skips the calling test, with what to install, when Tesseract is not usable. */
    public void assumeAvailable() {
        assumeTrue(availability.available(), availability::reason);
    }
}
