package de.akte.core.health;

import de.akte.core.recognition.Capability;
import de.akte.core.scanning.ScannerStatus;

/**
 * What the health check found: every component's state, OCR and the malware scanner as they are, and the details
 * where they were asked for.
 *
 * @param details null unless asked for
 */
public record SystemStatus(HealthReport report, Capability ocr, ScannerStatus malwareScan, SystemDetails details) {
}
