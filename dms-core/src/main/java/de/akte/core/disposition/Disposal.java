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

    /** Four eyes: only someone other than the proposer may approve. */
    public void approve(String by, Instant at) {
        decide(by, at, null);
        state = DisposalState.APPROVED;
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
        require(DisposalState.PROPOSED, "decided");
        if (by.equals(proposedBy)) {
            throw new ForbiddenException("four-eyes principle: " + by + " proposed disposal " + id
                    + " and cannot also decide on it");
        }
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
        if (state != DisposalState.APPROVED && state != DisposalState.OFFERED) {
            throw new ConflictException("disposal " + id + " is " + state + "; only an approved transfer is offered");
        }
        state = DisposalState.OFFERED;
        executedBy = by;
        executedAt = at;
    }

    /** The archive's 0502 appraisal, by file reference; every item must be appraised. */
    public void appraised(Map<String, Appraisal> byReference) {
        requireTransfer();
        require(DisposalState.OFFERED, "appraised");
        for (DisposalItem item : items) {
            Appraisal a = byReference.get(item.fileReference());
            if (a == null) {
                throw new IllegalArgumentException("the appraisal does not decide on " + item.fileReference());
            }
            item.appraise(a);
        }
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
            throw new ConflictException("disposal " + id + " is " + state + " and cannot be " + what);
        }
    }
}
