package de.akte.core.application.records;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A destruction certificate as shown: what was destroyed, when, why and on whose decision. */
public record CertificateView(long id, long disposalId, long caseFileId, String fileReference, String title,
                              String department, LocalDate disposalDate, String legalBasis, String proposedBy,
                              String approvedBy, String executedBy, Instant destroyedAt, String outcome,
                              List<Version> versions) {

    /** One destroyed document version with the hashes of its original and rendition. */
    public record Version(long documentId, String documentTitle, int version, String fileName, String sha256,
                          String renditionSha256) {
    }
}
