package de.akte.core.application.records;

import de.akte.core.audit.AuditAction;
import de.akte.core.audit.AuditTrail;
import de.akte.core.casefile.CaseFile;
import de.akte.core.disposition.Disposal;
import de.akte.core.disposition.DisposalItem;
import de.akte.core.retention.RetentionAssessment;
import de.akte.core.security.Access;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.Clock;
import de.akte.core.shared.UnitOfWork;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Carrying out an approved disposal: every case file is checked again (still due, no hold, holding exactly what
 * was approved), then destroyed with a certificate here, or transferred to the archive
 * ({@link ArchiveTransferService}, which carries it out with the same steps).
 */
public class DisposalExecution {

    private final UnitOfWork unitOfWork;
    private final ApprovedContents approved;
    private final DueForDisposal due;
    private final RecordDestruction destruction;
    private final AuditTrail audit;
    private final Clock clock;

    public DisposalExecution(UnitOfWork unitOfWork, ApprovedContents approved, DueForDisposal due,
                             RecordDestruction destruction, AuditTrail audit, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.approved = approved;
        this.due = due;
        this.destruction = destruction;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Runs an approved destruction: every case file is checked again (still due, no hold, holding
     * exactly what was approved), then removed with a certificate; then the blobs are deleted from
     * storage (what is refused stays pending, see {@link DestroyedContent#retryBlobDeletions()}). A file that
     * changed since the approval stops the whole run and sends the disposal back for a new decision.
     */
    public DisposalView execute(Caller caller, long disposalId) {
        Access.requireAnyRole(caller, Role.RECORDS_OFFICER);
        List<Long> destroyedDocuments = new ArrayList<>();
        DisposalView result = onApprovedContents(caller, () -> unitOfWork.call(() -> {
            Disposal disposal = find(disposalId);
            disposal.executed(caller.username(), clock.now());
            for (DisposalItem item : disposal.items()) {
                CaseFile c = existing(item);
                requireDisposable(c);
                destroyedDocuments.addAll(destroy(disposal, item, c, caller.username(),
                        "destroyed by schedule: " + item.legalBasis()));
            }
            audit.record(caller.username(), AuditAction.DISPOSAL, "disposal", disposal.id().toString(),
                    "executed DESTROY of " + DisposalDecisions.references(disposal));
            return DisposalView.of(disposal);
        }));
        afterRemoval(destroyedDocuments);
        return result;
    }

    /** See {@link ApprovedContents#onApprovedContents}. */
    <T> T onApprovedContents(Caller caller, Supplier<T> work) {
        return approved.onApprovedContents(caller, work);
    }

    Disposal find(long id) {
        return approved.find(id);
    }

    CaseFile existing(DisposalItem item) {
        return approved.existing(item);
    }

    void requireUnchanged(Disposal disposal, DisposalItem item, CaseFile c) {
        approved.requireUnchanged(disposal, item, c);
    }

    RetentionAssessment requireDisposable(CaseFile c) {
        return due.requireDisposable(c);
    }

    List<Long> destroy(Disposal disposal, DisposalItem item, CaseFile c, String executedBy, String outcome) {
        return destruction.destroy(disposal, item, c, executedBy, outcome);
    }

    void afterRemoval(List<Long> documentIds) {
        destruction.afterRemoval(documentIds);
    }
}
