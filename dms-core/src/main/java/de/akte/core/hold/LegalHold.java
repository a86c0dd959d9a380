package de.akte.core.hold;

import de.akte.core.shared.ConflictException;
import de.akte.core.shared.ForbiddenException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A legal hold (e.g. pending litigation, an audit): while active, the held case file or document
 * cannot be disposed of or deleted by anyone. The target is kept by id without a foreign key so
 * the hold's history outlives the record after it was lifted.
 */
@Entity
@Table(name = "legal_hold")
public class LegalHold {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_type", nullable = false, length = 16)
    private HoldTarget targetType;

    @Column(name = "target_id", nullable = false)
    private long targetId;

    @Column(nullable = false, length = 1000)
    private String reason;

    @Column(name = "reference", length = 200)
    private String reference;

    @Column(name = "placed_by", nullable = false, length = 64)
    private String placedBy;

    @Column(name = "placed_at", nullable = false)
    private Instant placedAt;

    @Column(name = "lifted_by", length = 64)
    private String liftedBy;

    @Column(name = "lifted_at")
    private Instant liftedAt;

    /** Four eyes: one records officer asks for the lift, a different one lifts. */
    @Column(name = "lift_requested_by", length = 64)
    private String liftRequestedBy;

    @Column(name = "lift_requested_at")
    private Instant liftRequestedAt;

    @Column(name = "lift_reason", length = 1000)
    private String liftReason;

    protected LegalHold() {
    }

    public LegalHold(HoldTarget targetType, long targetId, String reason, String reference, String placedBy,
                     Instant placedAt) {
        this.targetType = Objects.requireNonNull(targetType);
        this.targetId = targetId;
        if (reason == null || reason.isBlank() || reason.strip().length() > 1000) {
            throw new IllegalArgumentException("a legal hold needs a reason of 1-1000 characters");
        }
        if (reference != null && reference.strip().length() > 200) {
            throw new IllegalArgumentException("the reference has at most 200 characters");
        }
        this.reason = reason.strip();
        this.reference = reference == null || reference.isBlank() ? null : reference.strip();
        this.placedBy = Objects.requireNonNull(placedBy);
        this.placedAt = Objects.requireNonNull(placedAt);
    }

    public Long id() {
        return id;
    }

    public HoldTarget targetType() {
        return targetType;
    }

    public long targetId() {
        return targetId;
    }

    public String reason() {
        return reason;
    }

    public Optional<String> reference() {
        return Optional.ofNullable(reference);
    }

    public String placedBy() {
        return placedBy;
    }

    public Instant placedAt() {
        return placedAt;
    }

    public Optional<String> liftedBy() {
        return Optional.ofNullable(liftedBy);
    }

    public Optional<Instant> liftedAt() {
        return Optional.ofNullable(liftedAt);
    }

    public boolean isActive() {
        return liftedAt == null;
    }

    public Optional<String> liftRequestedBy() {
        return Optional.ofNullable(liftRequestedBy);
    }

    public Optional<Instant> liftRequestedAt() {
        return Optional.ofNullable(liftRequestedAt);
    }

    public Optional<String> liftReason() {
        return Optional.ofNullable(liftReason);
    }

    /** Whether a records officer asked to lift the hold and a second one has yet to decide. */
    public boolean liftPending() {
        return isActive() && liftRequestedBy != null;
    }

    /** The first pair of eyes: asks for the hold to be lifted; it stays in force until a second officer agrees. */
    public void requestLift(String by, Instant at, String reason) {
        if (!isActive()) {
            throw new ConflictException("legal hold " + id + " was lifted already");
        }
        if (liftPending()) {
            throw new ConflictException(liftRequestedBy + " asked to lift legal hold " + id + " already");
        }
        if (reason != null && reason.strip().length() > 1000) {
            throw new IllegalArgumentException("the reason has at most 1000 characters");
        }
        this.liftRequestedBy = Objects.requireNonNull(by);
        this.liftRequestedAt = Objects.requireNonNull(at);
        this.liftReason = reason == null || reason.isBlank() ? null : reason.strip();
    }

    /** Refuses early what {@link #lift} would refuse: no request to decide, or the requester deciding. */
    public void requireLiftableBy(String by) {
        if (!isActive()) {
            throw new ConflictException("legal hold " + id + " was lifted already");
        }
        if (!liftPending()) {
            throw new ConflictException("nobody asked to lift legal hold " + id + "; a records officer asks first");
        }
        if (by.equals(liftRequestedBy)) {
            throw new ForbiddenException("four-eyes principle: " + by + " asked to lift legal hold " + id
                    + " and cannot also lift it; a second records officer must agree");
        }
    }

    /**
     * The second pair of eyes: ends the hold; the record may be disposed of again unless another hold covers it.
     */
    public void lift(String by, Instant at) {
        requireLiftableBy(by);
        this.liftedBy = Objects.requireNonNull(by);
        this.liftedAt = Objects.requireNonNull(at);
    }

    /** Turns down (or, by the requester, withdraws) a request to lift; the hold stays as it was. */
    public void rejectLift() {
        if (!liftPending()) {
            throw new ConflictException("no request to lift legal hold " + id + " is waiting");
        }
        this.liftRequestedBy = null;
        this.liftRequestedAt = null;
        this.liftReason = null;
    }
}
