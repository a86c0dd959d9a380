package de.akte.core.application.health;

import de.akte.core.health.ComponentHealth;
import de.akte.core.recognition.Capability;
import de.akte.core.scanning.MalwareScanner;
import de.akte.core.scanning.ScannerStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * What reads incoming files: text recognition, the separate processes that read and render untrusted files, and the
 * malware scanner. Each can only hold new files back, never stop documents being found.
 */
public class ReaderHealth {

    /** freshclam updates several times a day: signatures a week old mean the updates stopped. */
    private static final Duration SIGNATURES_STALE = Duration.ofDays(7);

    private final Supplier<Capability> ocr;
    private final Supplier<ComponentHealth> parsers;
    private final MalwareScanner scanner;

    /** Without separate reader processes (embedding applications and tests that read files themselves). */
    public ReaderHealth(Supplier<Capability> ocr, MalwareScanner scanner) {
        this(ocr, ComponentHealth::up, scanner);
    }

    /**
     * @param parsers checks the separate processes that read and render untrusted files (they start and answer, few
     *                of them crashed lately)
     */
    public ReaderHealth(Supplier<Capability> ocr, Supplier<ComponentHealth> parsers, MalwareScanner scanner) {
        this.ocr = ocr;
        this.parsers = parsers;
        this.scanner = scanner;
    }

    ComponentHealth ocr() {
        Capability recognition = ocr.get();
        return recognition.available() ? ComponentHealth.up()
                : ComponentHealth.degraded("scans wait: " + recognition.reason());
    }

    ComponentHealth parsers() {
        return parsers.get();
    }

    ComponentHealth malwareScan(Instant now) {
        return malwareScan(scanner.status(), now);
    }

    /** Scanning off or clamd away cannot stop documents being found, but new files wait or pass unchecked. */
    static ComponentHealth malwareScan(ScannerStatus status, Instant now) {
        if (!status.enabled()) {
            return ComponentHealth.degraded(status.reason());
        }
        if (!status.available()) {
            return ComponentHealth.degraded("new files wait until they can be scanned: " + status.reason());
        }
        if (status.signaturesDate() != null
                && Duration.between(status.signaturesDate(), now).compareTo(SIGNATURES_STALE) > 0) {
            return ComponentHealth.degraded("the malware signatures are "
                    + Duration.between(status.signaturesDate(), now).toDays() + " days old: is freshclam running?");
        }
        return ComponentHealth.up();
    }
}
