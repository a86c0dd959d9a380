package de.akte.core.application.records;

import de.akte.core.disposition.DestructionCertificate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A destruction certificate as shown: what was destroyed, when, why and on whose decision. */
public record CertificateView(long id, long disposalId, long caseFileId, String fileReference, String title,
                              String department, LocalDate disposalDate, String legalBasis, String proposedBy,
                              String approvedBy, String executedBy, Instant destroyedAt, String outcome,
                              List<Version> versions) {

    /** The certificate as shown. */
    public static CertificateView of(DestructionCertificate c) {
        return new CertificateView(c.id(), c.disposalId(), c.caseFileId(), c.fileReference(), c.title(),
                c.department(), c.disposalDate(), c.legalBasis(), c.proposedBy(), c.approvedBy(), c.executedBy(),
                c.destroyedAt(), c.outcome(), c.versions().stream().map(v -> new Version(
                        v.documentId(), v.documentTitle(), v.versionNumber(), v.fileName(), v.sha256(),
                        v.renditionSha256())).toList());
    }

    /** One destroyed document version with the hashes of its original and rendition. */
    public record Version(long documentId, String documentTitle, int version, String fileName, String sha256,
                          String renditionSha256) {
    }
}
