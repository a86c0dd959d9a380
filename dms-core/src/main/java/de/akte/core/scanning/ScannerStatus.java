package de.akte.core.scanning;

import java.time.Instant;

/**
 * How the malware scanner is doing, for health reports.
 *
 * @param enabled        false when an operator switched scanning off
 * @param available      whether the scanner answered just now
 * @param address        where the scanner is expected (e.g. {@code unix:/run/clamav/clamd.ctl}), or null
 * @param engine         the scanner's version, if it answered
 * @param signatures     the signature database's version, if the scanner names one
 * @param signaturesDate when the signature database was built, if the scanner names it
 * @param reason         why it is not available or not enabled, else null
 */
public record ScannerStatus(boolean enabled, boolean available, String address, String engine, String signatures,
                            Instant signaturesDate, String reason) {

    /** Scanning switched off by the operator. */
    public static ScannerStatus switchedOff(String reason) {
        return new ScannerStatus(false, false, null, null, null, null, reason);
    }
}
