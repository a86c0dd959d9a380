package de.akte.core.application.records;

import de.akte.core.disposition.Disposal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A disposal as shown, with its case files, (for transfers) the archive's appraisal of each, what the
 * approval covers, and when and why it was last sent back for a new decision.
 */
public record DisposalView(long id, String action, String state, String processId, String proposedBy,
                           Instant proposedAt, String decidedBy, Instant decidedAt, String decisionReason,
                           String executedBy, Instant executedAt, List<Item> items, Instant sentBackAt,
                           String sentBackReason) {

    /** The disposal as shown. */
    public static DisposalView of(Disposal d) {
        return new DisposalView(d.id(), d.action().name(), d.state().name(), d.processId(), d.proposedBy(),
                d.proposedAt(), d.decidedBy().orElse(null), d.decidedAt().orElse(null),
                d.decisionReason().orElse(null), d.executedBy().orElse(null), d.executedAt().orElse(null),
                d.items().stream().map(i -> new Item(i.caseFileId(), i.fileReference(), i.title(),
                        i.disposalDate(), i.legalBasis(), i.appraisal().map(x -> x.code()).orElse(null),
                        i.approvedFingerprint().orElse(null), d.approvedVersions(i.caseFileId()).stream()
                        .map(v -> new ApprovedVersionView(v.documentId(), v.documentTitle(),
                                v.versionNumber(), v.fileName(), v.sha256())).toList())).toList(),
                d.sentBackAt().orElse(null), d.sentBackReason().orElse(null));
    }

    /**
     * One case file of the disposal; once approved, its fingerprint and every approved version: the
     * disposal destroys or transfers exactly these.
     */
    public record Item(long caseFileId, String fileReference, String title, LocalDate disposalDate,
                       String legalBasis, String appraisal, String approvedFingerprint,
                       List<ApprovedVersionView> approvedVersions) {
    }

    /** One approved document version with the hash of its original. */
    public record ApprovedVersionView(long documentId, String documentTitle, int version, String fileName,
                                      String sha256) {
    }
}
