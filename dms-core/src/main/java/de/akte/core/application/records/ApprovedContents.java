package de.akte.core.application.records;

import de.akte.core.audit.AuditAction;
import de.akte.core.audit.AuditTrail;
import de.akte.core.casefile.CaseFile;
import de.akte.core.casefile.CaseFileRepository;
import de.akte.core.disposition.ApprovedSetChangedException;
import de.akte.core.disposition.CaseFileContents;
import de.akte.core.disposition.Disposal;
import de.akte.core.disposition.DisposalItem;
import de.akte.core.disposition.DisposalRepository;
import de.akte.core.document.DocumentRepository;
import de.akte.core.security.Caller;
import de.akte.core.shared.Clock;
import de.akte.core.shared.ConflictException;
import de.akte.core.shared.NotFoundException;
import de.akte.core.shared.UnitOfWork;

import java.util.function.Supplier;

/**
 * What a disposal's approval covers: the approval fixes what every case file holds, a disposal destroys or
 * transfers exactly that, and a file that changed since sends the disposal back for a new four-eyes decision.
 */
public class ApprovedContents {

    private final UnitOfWork unitOfWork;
    private final DisposalRepository disposals;
    private final CaseFileRepository caseFiles;
    private final DocumentRepository documents;
    private final AuditTrail audit;
    private final Clock clock;

    public ApprovedContents(UnitOfWork unitOfWork, DisposalRepository disposals, CaseFileRepository caseFiles,
                            DocumentRepository documents, AuditTrail audit, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.disposals = disposals;
        this.caseFiles = caseFiles;
        this.documents = documents;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the case file holds now, as an approval fixes it (inside a unit of work). */
    CaseFileContents contentsOf(CaseFile c) {
        return CaseFileContents.of(c, caseFiles.processesOf(c), documents.findInCaseFile(c));
    }

    /** The case file must hold exactly what the disposal's approval covers (inside a unit of work). */
    void requireUnchanged(Disposal disposal, DisposalItem item, CaseFile c) {
        disposal.changeSinceApproval(contentsOf(c)).ifPresent(change -> {
            throw ApprovedSetChangedException.of(disposal.id(), item.fileReference(), change);
        });
    }

    /**
     * Runs work that destroys or transfers approved records. When a case file turned out to have changed
     * since the approval, the work's transaction is rolled back, the disposal goes back for a new four-eyes
     * decision in a transaction of its own (audited), and the refusal is passed on.
     */
    <T> T onApprovedContents(Caller caller, Supplier<T> work) {
        try {
            return work.get();
        } catch (ApprovedSetChangedException changed) {
            boolean sentBack = unitOfWork.call(() -> {
                Disposal disposal = find(changed.disposalId());
                if (!disposal.mayBeSentBack()) {
                    return false;
                }
                disposal.sendBack(changed.change(), clock.now());
                audit.record(caller.username(), AuditAction.DISPOSAL, "disposal", disposal.id().toString(),
                        "sent back for a new decision: " + changed.change());
                return true;
            });
            throw changed.settled(sentBack);
        }
    }

    /**
     * A case file is changing (it was reopened): every running disposal holding it goes back for a new decision,
     * audited with the change (inside a unit of work).
     */
    void caseFileChanging(Caller caller, CaseFile caseFile, String change) {
        for (Disposal disposal : disposals.runningWith(caseFile.id())) {
            if (disposal.caseFileChanging(caseFile.id(), change, clock.now())) {
                audit.record(caller.username(), AuditAction.DISPOSAL, "disposal", disposal.id().toString(),
                        "sent back for a new decision: " + change);
            }
        }
    }

    /** The case file of a disposal item; gone since is a conflict (inside a unit of work). */
    CaseFile existing(DisposalItem item) {
        return caseFiles.find(item.caseFileId()).orElseThrow(() -> new ConflictException(
                "case file " + item.fileReference() + " no longer exists"));
    }

    /** A disposal by id (inside a unit of work). */
    Disposal find(long id) {
        return disposals.find(id).orElseThrow(() -> new NotFoundException("no disposal " + id));
    }
}
