package de.akte.core.application.records;

import de.akte.core.security.Caller;
import de.akte.core.shared.Page;

import java.util.List;

/**
 * The disposal list and the four-eyes disposal: one records officer proposes what is due
 * ({@link DueForDisposal}), a second one approves or rejects ({@link DisposalDecisions}), then it runs
 * ({@link DisposalExecution}): the records leave the database in one transaction with a destruction certificate,
 * and their blobs leave storage afterwards ({@link DestroyedContent}). Nobody can dispose of a record early: the
 * due check uses the clock and the computed date, and the storage locks the blobs too.
 */
public class DisposalService {

    private final DueForDisposal due;
    private final DisposalDecisions decisions;
    private final DisposalExecution execution;
    private final DisposalRegister register;
    private final DestroyedContent destroyed;

    public DisposalService(DueForDisposal due, DisposalDecisions decisions, DisposalExecution execution,
                           DisposalRegister register, DestroyedContent destroyed) {
        this.due = due;
        this.decisions = decisions;
        this.execution = execution;
        this.register = register;
        this.destroyed = destroyed;
    }

    /** The disposal list: closed case files due today or earlier, without an active hold, not in a disposal. */
    public Page<DueCaseFile> due(Caller caller, int page, int size) {
        return due.due(caller, page, size);
    }

    /** Proposes due case files for destruction or transfer; a scheduled REVIEW may go either way. */
    public DisposalView propose(Caller caller, NewDisposal request) {
        return decisions.propose(caller, request);
    }

    /** A second records officer approves; the proposer cannot (four eyes). */
    public DisposalView approve(Caller caller, long disposalId) {
        return decisions.approve(caller, disposalId);
    }

    public DisposalView reject(Caller caller, long disposalId, String reason) {
        return decisions.reject(caller, disposalId, reason);
    }

    /** Runs an approved destruction (see {@link DisposalExecution#execute}). */
    public DisposalView execute(Caller caller, long disposalId) {
        return execution.execute(caller, disposalId);
    }

    public Page<DisposalView> list(Caller caller, int page, int size) {
        return register.list(caller, page, size);
    }

    public DisposalView get(Caller caller, long id) {
        return register.get(caller, id);
    }

    public List<CertificateView> certificates(Caller caller, String fileReferencePrefix, int page, int size) {
        return register.certificates(caller, fileReferencePrefix, page, size);
    }

    public CertificateView certificate(Caller caller, long id) {
        return register.certificate(caller, id);
    }

    /** Deletes the blobs waiting on the pending list; returns how many are still pending. */
    public int retryBlobDeletions() {
        return destroyed.retryBlobDeletions();
    }

    /** Blobs still waiting to be removed from storage (e.g. refused while their retention runs). */
    public List<String> pendingBlobDeletions(Caller caller) {
        return destroyed.pendingBlobDeletions(caller);
    }
}
