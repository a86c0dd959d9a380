package de.akte.core.application.documents;

import java.time.Instant;

/**
 * One version of a document as the API shows it.
 *
 * @param malwareScan PENDING, CLEAN, INFECTED, UNSCANNABLE or NOT_SCANNED (see {@code MalwareScan})
 */
public record VersionView(int version, String sha256, long size, String mediaType, String fileName,
                          Instant createdAt, String createdBy, boolean renditionAvailable, String malwareScan) {
}
