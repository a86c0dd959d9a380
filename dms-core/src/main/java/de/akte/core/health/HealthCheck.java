package de.akte.core.health;

import de.akte.core.recognition.Capability;
import de.akte.core.scanning.MalwareScanner;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The health of the installation as {@code GET /api/health} reports it: every component checked for real, whether
 * OCR and the malware scanner work, and for administrators where the data lies.
 */
public final class HealthCheck {

    private final Supplier<HealthReport> checks;
    private final Supplier<Capability> ocr;
    private final MalwareScanner scanner;
    private final HealthDetails details;

    /**
     * @param checks checks every component ({@code SystemHealth::check})
     * @param ocr    whether OCR works ({@code ContentRecognizer::ocr})
     */
    public HealthCheck(Supplier<HealthReport> checks, Supplier<Capability> ocr, MalwareScanner scanner,
                       HealthDetails details) {
        this.checks = Objects.requireNonNull(checks, "checks");
        this.ocr = Objects.requireNonNull(ocr, "ocr");
        this.scanner = Objects.requireNonNull(scanner, "scanner");
        this.details = Objects.requireNonNull(details, "details");
    }

    /** Checks now; with details only where the caller may see them (administrators). */
    public SystemStatus status(boolean withDetails) {
        HealthReport report = checks.get();
        return new SystemStatus(report, ocr.get(), scanner.status(), withDetails ? details.read() : null);
    }
}
