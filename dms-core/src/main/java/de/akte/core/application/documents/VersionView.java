package de.akte.core.application.documents;

import de.akte.core.document.DocumentVersion;

import java.time.Instant;

/**
 * One version of a document as the API shows it.
 *
 * @param malwareScan PENDING, CLEAN, INFECTED, UNSCANNABLE or NOT_SCANNED (see {@code MalwareScan})
 */
public record VersionView(int version, String sha256, long size, String mediaType, String fileName,
                          Instant createdAt, String createdBy, boolean renditionAvailable, String malwareScan) {

    /** The version as the API shows it. */
    public static VersionView of(DocumentVersion v) {
        return new VersionView(v.number(), v.sha256(), v.size(), v.mediaType(), v.fileName(), v.createdAt(),
                v.createdBy(), v.renditionSha256().isPresent(), v.malwareScan().name());
    }
}
