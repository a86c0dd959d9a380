package de.akte.core.scanning;

import java.util.Objects;

/**
 * What a scan found out about one file.
 *
 * @param outcome what the file may do next
 * @param detail  the signature found (INFECTED), why the file could not be scanned (UNSCANNABLE), or null
 */
public record ScanVerdict(MalwareScan outcome, String detail) {

    public ScanVerdict {
        Objects.requireNonNull(outcome);
        if (outcome == MalwareScan.PENDING) {
            throw new IllegalArgumentException("a verdict is never pending");
        }
    }

    /** Nothing was found. */
    public static ScanVerdict clean() {
        return new ScanVerdict(MalwareScan.CLEAN, null);
    }

    /** A signature matched. */
    public static ScanVerdict infected(String signature) {
        return new ScanVerdict(MalwareScan.INFECTED, Objects.requireNonNull(signature));
    }

    /** The scanner refused this very file (too large, over its limits): it cannot be vouched for. */
    public static ScanVerdict unscannable(String reason) {
        return new ScanVerdict(MalwareScan.UNSCANNABLE, Objects.requireNonNull(reason));
    }

    /** Scanning is switched off by the operator; the file passes unscanned, knowingly. */
    public static ScanVerdict notScanned() {
        return new ScanVerdict(MalwareScan.NOT_SCANNED, null);
    }

    /** Whether the file may be shown to users who are not administrators. */
    public boolean passes() {
        return outcome.passes();
    }

    /** A sentence for the document's status reason and the audit trail. */
    public String reason() {
        return switch (outcome) {
            case INFECTED -> "malware found: " + detail + "; the file is kept in quarantine, only an administrator "
                    + "can download it";
            case UNSCANNABLE -> "could not be checked for malware: " + detail + "; the file is kept in quarantine, "
                    + "only an administrator can download it";
            default -> outcome.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
