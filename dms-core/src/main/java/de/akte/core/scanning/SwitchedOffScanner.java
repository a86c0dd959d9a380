package de.akte.core.scanning;

import java.nio.file.Path;

/**
 * Scanning switched off by the operator ({@code AKTE_MALWARE_SCAN=off}): every file passes as NOT_SCANNED, and health
 * says so.
 */
public final class SwitchedOffScanner implements MalwareScanner {

    private static final String REASON = "malware scanning is switched off (AKTE_MALWARE_SCAN=off): incoming files "
            + "are not checked";

    @Override
    public ScanVerdict scan(Path file) {
        return ScanVerdict.notScanned();
    }

    @Override
    public ScannerStatus status() {
        return ScannerStatus.switchedOff(REASON);
    }
}
