package de.akte.core.disposition;

import de.akte.core.retention.DisposalAction;
import de.akte.core.shared.ConflictException;
import de.akte.core.shared.ForbiddenException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An Aussonderung: case files proposed by one records officer for destruction or transfer to the
 * archive, which a second, different records officer approves or rejects before it runs.
 */
@Entity
@Table(name = "disposal")
public class Disposal {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private DisposalAction action;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private DisposalState state = DisposalState.PROPOSED;

    /** The xdomea ProzessID that ties the messages of one transfer together. */
    @Column(name = "process_id", nullable = false, length = 36)
    private String processId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "disposal_item", joinColumns = @JoinColumn(name = "disposal_id"))
    @OrderColumn(name = "position")
    private List<DisposalItem> items = new ArrayList<>();

    @Column(name = "proposed_by", nullable = false, length = 64)
    private String proposedBy;

    @Column(name = "proposed_at", nullable = false)
    private Instant proposedAt;

    @Column(name = "decided_by", length = 64)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_reason", length = 1000)
    private String decisionReason;

    @Column(name = "executed_by", length = 64)
    private String executedBy;

    @Column(name = "executed_at")
    private Instant executedAt;

    /** Every version of every case file as approved; what the disposal destroys or transfers, nothing else. */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "disposal_approved_version", joinColumns = @JoinColumn(name = "disposal_id"))
    @OrderColumn(name = "position")
    private List<ApprovedVersion> approvedVersions = new ArrayList<>();

    @Column(name = "sent_back_at")
    private Instant sentBackAt;

    @Column(name = "sent_back_reason", length = 1000)
    private String sentBackReason;

    @Version
    private long version;

    protected Disposal() {
    }

    public Disposal(DisposalAction action, List<DisposalItem> items, String proposedBy, Instant proposedAt) {
        if (action == DisposalAction.REVIEW) {
            throw new IllegalArgumentException("a disposal destroys or transfers; REVIEW is decided by choosing one");
        }
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a disposal needs at least one case file");
        }
        this.action = Objects.requireNonNull(action);
        this.items = new ArrayList<>(items);
        this.proposedBy = Objects.requireNonNull(proposedBy);
        this.proposedAt = Objects.requireNonNull(proposedAt);
        this.processId = UUID.randomUUID().toString();
    }

    public Long id() {
        return id;
    }

    public DisposalAction action() {
        return action;
    }

    public DisposalState state() {
        return state;
    }

    public String processId() {
        return processId;
    }

    public List<DisposalItem> items() {
        return List.copyOf(items);
    }

    public String proposedBy() {
        return proposedBy;
    }

    public Instant proposedAt() {
        return proposedAt;
    }

    public Optional<String> decidedBy() {
        return Optional.ofNullable(decidedBy);
    }

    public Optional<Instant> decidedAt() {
        return Optional.ofNullable(decidedAt);
    }

    public Optional<String> decisionReason() {
        return Optional.ofNullable(decisionReason);
    }

    public Optional<String> executedBy() {
        return Optional.ofNullable(executedBy);
    }

    public Optional<Instant> executedAt() {
        return Optional.ofNullable(executedAt);
    }

    /** When the disposal was last sent back for a new decision, if ever. */
    public Optional<Instant> sentBackAt() {
        return Optional.ofNullable(sentBackAt);
    }

    /** Why the disposal was last sent back for a new decision, if ever. */
    public Optional<String> sentBackReason() {
        return Optional.ofNullable(sentBackReason);
    }

    /** The approved versions of one case file of the disposal, by document and version; empty before approval. */
    public List<ApprovedVersion> approvedVersions(long caseFileId) {
        return approvedVersions.stream().filter(v -> v.caseFileId() == caseFileId).toList();
    }

    /** The item for a case file, if the disposal has it. */
    public Optional<DisposalItem> item(long caseFileId) {
        return items.stream().filter(i -> i.caseFileId() == caseFileId).findFirst();
    }

    /** Refuses early what {@link #approve} would refuse: a disposal not waiting for a decision, or the proposer. */
    public void requireDecidableBy(String by) {
        require(DisposalState.PROPOSED, "decided");
        if (by.equals(proposedBy)) {
            throw new ForbiddenException("four-eyes principle: " + by + " proposed disposal " + id
                    + " and cannot also decide on it");
        }
    }

    /**
     * Four eyes: only someone other than the proposer may approve. The approval covers exactly the given
     * contents of every case file: the disposal will destroy or transfer those and nothing else.
     */
    public void approve(String by, Instant at, List<CaseFileContents> contents) {
        requireDecidableBy(by);
        Map<Long, CaseFileContents> byCaseFile = new HashMap<>();
        contents.forEach(c -> byCaseFile.put(c.caseFileId(), c));
        for (DisposalItem item : items) {
            if (!byCaseFile.containsKey(item.caseFileId())) {
                throw new IllegalArgumentException("the approval does not fix the contents of case file "
                        + item.fileReference());
            }
        }
        decide(by, at, null);
        approvedVersions.clear();
        for (DisposalItem item : items) {
            CaseFileContents approved = byCaseFile.get(item.caseFileId());
            item.approved(approved.fingerprint());
            approvedVersions.addAll(approved.versions());
        }
        state = DisposalState.APPROVED;
    }

    /**
     * How a case file's current contents differ from what was approved, in words; empty when they are the
     * same. A disposal approved before approvals fixed the contents (schema version 10, which sent back those
     * the archive had not appraised yet) has nothing to compare with.
     */
    public Optional<String> changeSinceApproval(CaseFileContents current) {
        DisposalItem item = item(current.caseFileId()).orElseThrow(() -> new IllegalArgumentException(
                "case file " + current.caseFileId() + " is not part of disposal " + id));
        return item.approvedFingerprint().flatMap(approved -> current.differenceFrom(approved,
                approvedVersions(current.caseFileId())));
    }

    /** Whether a change to one of its case files can still send the disposal back (nothing has been removed). */
    public boolean mayBeSentBack() {
        return state == DisposalState.APPROVED || state == DisposalState.OFFERED;
    }

    /**
     * Back to PROPOSED for a new four-eyes decision, because one of its case files changed after the approval:
     * the decision, the approved contents and any archive appraisal are void, and a transfer gets a new xdomea
     * process, so messages the archive sent for the old one are refused.
     */
    public void sendBack(String reason, Instant at) {
        if (!mayBeSentBack()) {
            throw new ConflictException("disposal " + id + " is " + state + " and cannot go back for a new decision");
        }
        String why = reason == null || reason.isBlank() ? "a case file changed" : reason.strip();
        state = DisposalState.PROPOSED;
        decidedBy = null;
        decidedAt = null;
        decisionReason = null;
        executedBy = null;
        executedAt = null;
        items.forEach(DisposalItem::sentBack);
        approvedVersions.clear();
        processId = UUID.randomUUID().toString();
        sentBackAt = Objects.requireNonNull(at);
        sentBackReason = why.substring(0, Math.min(1000, why.length()));
    }

    /**
     * One of its case files is about to change (e.g. it is reopened). An approved disposal goes back for a new
     * decision (true); a file the archive has appraised for taking cannot change until the transfer ended.
     */
    public boolean caseFileChanging(long caseFileId, String reason, Instant at) {
        Optional<DisposalItem> item = item(caseFileId);
        if (item.isEmpty()) {
            return false;
        }
        if (mayBeSentBack()) {
            sendBack(reason, at);
            return true;
        }
        boolean onItsWay = state == DisposalState.APPRAISED || state == DisposalState.TRANSFERRED;
        if (onItsWay && item.get().appraisal().orElse(null) == Appraisal.ARCHIVE) {
            throw new ConflictException("case file " + item.get().fileReference() + " is being transferred to the"
                    + " archive (disposal " + id + "); it cannot change until the transfer has ended");
        }
        return false;
    }

    /** Four eyes too: a proposer withdrawing their own proposal is not a review. */
    public void reject(String by, Instant at, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a rejection needs a reason");
        }
        decide(by, at, reason.strip().substring(0, Math.min(1000, reason.strip().length())));
        state = DisposalState.REJECTED;
    }

    private void decide(String by, Instant at, String reason) {
        requireDecidableBy(by);
        decidedBy = by;
        decidedAt = at;
        decisionReason = reason;
    }

    /** A destruction ran. */
    public void executed(String by, Instant at) {
        require(DisposalState.APPROVED, "executed");
        if (action != DisposalAction.DESTROY) {
            throw new ConflictException("disposal " + id + " transfers to the archive; it runs through the xdomea"
                    + " messages, not by execution");
        }
        executedBy = by;
        executedAt = at;
        state = DisposalState.EXECUTED;
    }

    /** The 0501 offer list was handed out. */
    public void offered(String by, Instant at) {
        requireTransfer();
        if (state != DisposalState.OFFERED) {
            require(DisposalState.APPROVED, "offered to the archive");
        }
        state = DisposalState.OFFERED;
        executedBy = by;
        executedAt = at;
    }

    /** The archive's 0502 appraisal, by file reference; every item must be appraised, or none is. */
    public void appraised(Map<String, Appraisal> byReference) {
        requireTransfer();
        require(DisposalState.OFFERED, "appraised");
        for (DisposalItem item : items) {
            if (byReference.get(item.fileReference()) == null) {
                throw new IllegalArgumentException("the appraisal does not decide on " + item.fileReference());
            }
        }
        items.forEach(item -> item.appraise(byReference.get(item.fileReference())));
        state = DisposalState.APPRAISED;
    }

    /** The archive takes nothing: after the appraisal there is nothing to package or confirm. */
    public boolean takesNothing() {
        return items.stream().noneMatch(i -> i.appraisal().orElse(null) == Appraisal.ARCHIVE);
    }

    /** Ends a transfer the archive took nothing from. */
    public void closedWithoutTransfer() {
        requireTransfer();
        require(DisposalState.APPRAISED, "closed without transfer");
        if (!takesNothing()) {
            throw new ConflictException("the archive takes records from disposal " + id);
        }
        state = DisposalState.CONFIRMED;
    }

    /** The 0503 package was handed out. */
    public void transferred() {
        requireTransfer();
        if (state != DisposalState.APPRAISED && state != DisposalState.TRANSFERRED) {
            throw new ConflictException("disposal " + id + " is " + state + "; the package follows the appraisal");
        }
        state = DisposalState.TRANSFERRED;
    }

    /** The archive confirmed the import (0506). */
    public void confirmed() {
        requireTransfer();
        require(DisposalState.TRANSFERRED, "confirmed");
        state = DisposalState.CONFIRMED;
    }

    private void requireTransfer() {
        if (action != DisposalAction.TRANSFER) {
            throw new ConflictException("disposal " + id + " destroys; it has no archive transfer");
        }
    }

    private void require(DisposalState expected, String what) {
        if (state != expected) {
            if (state == DisposalState.PROPOSED && sentBackReason != null) {
                throw new ConflictException("disposal " + id + " was sent back for a new decision (" + sentBackReason
                        + ") and cannot be " + what + " before a second records officer approves it again");
            }
            throw new ConflictException("disposal " + id + " is " + state + " and cannot be " + what);
        }
    }
}
