package de.akte.core.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A disposal as shown, with its case files and (for transfers) the archive's appraisal of each. */
public record DisposalView(long id, String action, String state, String processId, String proposedBy,
                           Instant proposedAt, String decidedBy, Instant decidedAt, String decisionReason,
                           String executedBy, Instant executedAt, List<Item> items) {

    /** One case file of the disposal. */
    public record Item(long caseFileId, String fileReference, String title, LocalDate disposalDate,
                       String legalBasis, String appraisal) {
    }
}
