package de.akte.core.application.records;

import de.akte.core.audit.AuditAction;
import de.akte.core.audit.AuditTrail;
import de.akte.core.casefile.CaseFile;
import de.akte.core.disposition.CaseFileContents;
import de.akte.core.disposition.Disposal;
import de.akte.core.disposition.DisposalItem;
import de.akte.core.disposition.DisposalRepository;
import de.akte.core.retention.DisposalAction;
import de.akte.core.retention.RetentionAssessment;
import de.akte.core.security.Access;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.Clock;
import de.akte.core.shared.ConflictException;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.shared.UnitOfWork;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The four-eyes decision on a disposal: one records officer proposes what is due, a second one approves or
 * rejects it. The approval fixes what every case file holds now.
 */
public class DisposalDecisions {

    private final UnitOfWork unitOfWork;
    private final DisposalRepository disposals;
    private final DueForDisposal due;
    private final ApprovedContents approved;
    private final AuditTrail audit;
    private final Clock clock;

    public DisposalDecisions(UnitOfWork unitOfWork, DisposalRepository disposals, DueForDisposal due,
                             ApprovedContents approved, AuditTrail audit, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.disposals = disposals;
        this.due = due;
        this.approved = approved;
        this.audit = audit;
        this.clock = clock;
    }

    /** Proposes due case files for destruction or transfer; a scheduled REVIEW may go either way. */
    public DisposalView propose(Caller caller, NewDisposal request) {
        Access.requireAnyRole(caller, Role.RECORDS_OFFICER);
        if (request == null || request.caseFileIds() == null || request.caseFileIds().isEmpty()) {
            throw new InvalidInputException("caseFileIds", "a disposal needs at least one case file");
        }
        DisposalAction action = parseAction(request.action());
        return unitOfWork.call(() -> {
            Set<Long> inProgress = new HashSet<>(disposals.caseFilesInOpenDisposals());
            List<DisposalItem> items = new ArrayList<>();
            for (Long id : new LinkedHashSet<>(request.caseFileIds())) {
                CaseFile c = due.caseFile(id);
                if (inProgress.contains(id)) {
                    throw new ConflictException("case file " + c.fileReference() + " is already in a disposal");
                }
                RetentionAssessment a = due.requireDisposable(c);
                DisposalAction scheduled = a.action().orElseThrow();
                if (scheduled != DisposalAction.REVIEW && scheduled != action) {
                    throw new ConflictException("case file " + c.fileReference() + " is scheduled for " + scheduled
                            + ", not " + action);
                }
                items.add(new DisposalItem(c.id(), c.fileReference().value(), c.title(), a.disposalDate().orElseThrow(),
                        a.schedule().orElseThrow().legalBasis()));
            }
            Disposal disposal = new Disposal(action, items, caller.username(), clock.now());
            disposals.add(disposal);
            audit.record(caller.username(), AuditAction.DISPOSAL, "disposal", disposal.id().toString(),
                    "proposed " + action + " of " + references(disposal));
            return DisposalView.of(disposal);
        });
    }

    /**
     * A second records officer approves; the proposer cannot (four eyes). The approval fixes what every case
     * file holds now: the disposal will destroy or transfer exactly those versions, and a change to a file
     * afterwards sends it back for a new decision.
     */
    public DisposalView approve(Caller caller, long disposalId) {
        Access.requireAnyRole(caller, Role.RECORDS_OFFICER);
        return unitOfWork.call(() -> {
            Disposal disposal = approved.find(disposalId);
            disposal.requireDecidableBy(caller.username());
            List<CaseFileContents> contents = new ArrayList<>();
            for (DisposalItem item : disposal.items()) {
                CaseFile c = approved.existing(item);
                // a hold placed since the proposal blocks the approval too
                due.requireDisposable(c);
                contents.add(approved.contentsOf(c));
            }
            disposal.approve(caller.username(), clock.now(), contents);
            audit.record(caller.username(), AuditAction.DISPOSAL, "disposal", disposal.id().toString(),
                    "approved " + disposal.action() + " of " + references(disposal) + " proposed by "
                            + disposal.proposedBy() + "; covers " + contents.stream()
                            .map(c -> c.caseFileId() + ":" + c.versions().size() + " versions, fingerprint "
                                    + c.fingerprint()).toList());
            return DisposalView.of(disposal);
        });
    }

    public DisposalView reject(Caller caller, long disposalId, String reason) {
        Access.requireAnyRole(caller, Role.RECORDS_OFFICER);
        return unitOfWork.call(() -> {
            Disposal disposal = approved.find(disposalId);
            try {
                disposal.reject(caller.username(), clock.now(), reason);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("reason", e.getMessage());
            }
            audit.record(caller.username(), AuditAction.DISPOSAL, "disposal", disposal.id().toString(),
                    "rejected: " + disposal.decisionReason().orElse(""));
            return DisposalView.of(disposal);
        });
    }

    private static DisposalAction parseAction(String action) {
        try {
            DisposalAction a = DisposalAction.valueOf(action == null ? "" : action.strip().toUpperCase(Locale.ROOT));
            if (a != DisposalAction.REVIEW) {
                return a;
            }
        } catch (IllegalArgumentException ignored) {
            // answered below
        }
        throw new InvalidInputException("action", "action must be DESTROY or TRANSFER");
    }

    static String references(Disposal d) {
        return d.items().stream().map(DisposalItem::fileReference).toList().toString();
    }
}
