package de.akte.core.application.records;

import de.akte.core.security.Access;
import de.akte.core.audit.AuditAction;
import de.akte.core.audit.AuditTrail;
import de.akte.core.hold.HoldTarget;
import de.akte.core.hold.LegalHold;
import de.akte.core.hold.LegalHoldRepository;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.Clock;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.shared.NotFoundException;
import de.akte.core.shared.UnitOfWork;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Places and lifts legal holds. A held case file or document cannot be disposed of; on storage
 * with Object Lock its blobs also carry the object legal hold, released when no active hold
 * covers them any more.
 */
public class LegalHoldService {

    private static final int PAGE_LIMIT = 500;

    private final UnitOfWork unitOfWork;
    private final LegalHoldRepository holds;
    private final HoldTargets targets;
    private final RecordsProtection protection;
    private final AuditTrail audit;
    private final Clock clock;

    public LegalHoldService(UnitOfWork unitOfWork, LegalHoldRepository holds, HoldTargets targets,
                            RecordsProtection protection, AuditTrail audit, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.holds = holds;
        this.targets = targets;
        this.protection = protection;
        this.audit = audit;
        this.clock = clock;
    }

    public LegalHoldView place(Caller caller, NewLegalHold request) {
        Access.requireAnyRole(caller, Role.RECORDS_OFFICER);
        if (request == null || request.targetType() == null || request.targetId() == null) {
            throw new InvalidInputException("target", "a legal hold needs targetType (CASE_FILE or DOCUMENT) and targetId");
        }
        HoldTarget type;
        try {
            type = HoldTarget.valueOf(request.targetType().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("targetType", "targetType must be CASE_FILE or DOCUMENT");
        }
        return unitOfWork.call(() -> {
            Set<String> blobs = targets.blobsOf(caller, type, request.targetId());
            LegalHold hold;
            try {
                hold = new LegalHold(type, request.targetId(), request.reason(), request.reference(),
                        caller.username(), clock.now());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("reason", e.getMessage());
            }
            holds.add(hold);
            protection.hold(blobs, true);
            audit.record(caller.username(), AuditAction.LEGAL_HOLD, type == HoldTarget.CASE_FILE ? "caseFile" : "document",
                    request.targetId().toString(), "hold " + hold.id() + " placed: " + hold.reason()
                            + hold.reference().map(r -> " (" + r + ")").orElse(""));
            return view(hold);
        });
    }

    /**
     * The first records officer asks to lift a hold (four eyes, as for disposals); it stays in force until a
     * second officer {@link #approveLift approves}.
     */
    public LegalHoldView requestLift(Caller caller, long holdId, String reason) {
        Access.requireAnyRole(caller, Role.RECORDS_OFFICER);
        return unitOfWork.call(() -> {
            LegalHold hold = holds.find(holdId).orElseThrow(() -> new NotFoundException("no legal hold " + holdId));
            try {
                hold.requestLift(caller.username(), clock.now(), reason);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("reason", e.getMessage());
            }
            audit.record(caller.username(), AuditAction.LEGAL_HOLD, targetType(hold), Long.toString(hold.targetId()),
                    "lifting hold " + hold.id() + " requested" + hold.liftReason().map(r -> ": " + r).orElse("")
                            + "; awaiting a second records officer");
            return view(hold);
        });
    }

    /** The second records officer lifts a hold whose lifting another officer asked for. */
    public LegalHoldView approveLift(Caller caller, long holdId) {
        Access.requireAnyRole(caller, Role.RECORDS_OFFICER);
        return unitOfWork.call(() -> {
            LegalHold hold = holds.find(holdId).orElseThrow(() -> new NotFoundException("no legal hold " + holdId));
            String requestedBy = hold.liftRequestedBy().orElse(null);
            hold.lift(caller.username(), clock.now());
            Set<String> released = new HashSet<>(targets.blobsOfExisting(hold.targetType(), hold.targetId()));
            // a blob shared with a record under another active hold stays held
            for (LegalHold other : holds.list(true, 0, Integer.MAX_VALUE)) {
                if (!other.id().equals(hold.id())) {
                    released.removeAll(targets.blobsOfExisting(other.targetType(), other.targetId()));
                }
            }
            protection.hold(released, false);
            audit.record(caller.username(), AuditAction.LEGAL_HOLD, targetType(hold), Long.toString(hold.targetId()),
                    "hold " + hold.id() + " lifted; requested by " + requestedBy
                            + hold.liftReason().map(r -> " (" + r + ")").orElse("") + ", agreed by " + caller.username());
            return view(hold);
        });
    }

    /** Turns down a request to lift (any records officer; the requester thereby withdraws it). */
    public LegalHoldView rejectLift(Caller caller, long holdId, String reason) {
        Access.requireAnyRole(caller, Role.RECORDS_OFFICER);
        return unitOfWork.call(() -> {
            LegalHold hold = holds.find(holdId).orElseThrow(() -> new NotFoundException("no legal hold " + holdId));
            String requestedBy = hold.liftRequestedBy().orElse(null);
            hold.rejectLift();
            audit.record(caller.username(), AuditAction.LEGAL_HOLD, targetType(hold), Long.toString(hold.targetId()),
                    "request by " + requestedBy + " to lift hold " + hold.id() + " turned down"
                            + (reason == null || reason.isBlank() ? "" : ": " + reason.strip()));
            return view(hold);
        });
    }

    /**
     * The one-call form of earlier versions, kept working: without a pending request it asks to lift (the hold
     * stays active); with another officer's request waiting it lifts; the requester calling again changes nothing.
     */
    public LegalHoldView lift(Caller caller, long holdId, String reason) {
        Access.requireAnyRole(caller, Role.RECORDS_OFFICER);
        LegalHoldView current = get(caller, holdId);
        if (!current.active()) {
            throw new de.akte.core.shared.ConflictException("legal hold " + holdId + " was lifted already");
        }
        if (current.liftRequestedBy() == null) {
            return requestLift(caller, holdId, reason);
        }
        if (current.liftRequestedBy().equals(caller.username())) {
            return current;
        }
        return approveLift(caller, holdId);
    }

    private static String targetType(LegalHold hold) {
        return hold.targetType() == HoldTarget.CASE_FILE ? "caseFile" : "document";
    }

    /**
     * Sets the storage legal hold again on every blob of every actively held record: catches
     * documents and versions added after the hold was placed. Returns the number of active holds.
     */
    public int reapplyHolds() {
        return unitOfWork.call(() -> {
            List<LegalHold> active = holds.list(true, 0, Integer.MAX_VALUE);
            for (LegalHold h : active) {
                protection.hold(targets.blobsOfExisting(h.targetType(), h.targetId()), true);
            }
            return active.size();
        });
    }

    public List<LegalHoldView> list(Caller caller, boolean activeOnly, int page, int size) {
        Access.requireAnyRole(caller, Role.RECORDS_OFFICER, Role.ADMIN);
        return unitOfWork.call(() -> holds.list(activeOnly, page * size, Math.min(size, PAGE_LIMIT)).stream()
                .map(LegalHoldService::view).toList());
    }

    public LegalHoldView get(Caller caller, long id) {
        Access.requireAnyRole(caller, Role.RECORDS_OFFICER, Role.ADMIN);
        return unitOfWork.call(() -> view(holds.find(id).orElseThrow(() -> new NotFoundException("no legal hold " + id))));
    }

    static LegalHoldView view(LegalHold h) {
        String state = !h.isActive() ? "LIFTED" : h.liftPending() ? "LIFT_REQUESTED" : "ACTIVE";
        return new LegalHoldView(h.id(), h.targetType().name(), h.targetId(), h.reason(), h.reference().orElse(null),
                h.placedBy(), h.placedAt(), h.liftedBy().orElse(null), h.liftedAt().orElse(null), h.isActive(), state,
                h.liftRequestedBy().orElse(null), h.liftRequestedAt().orElse(null), h.liftReason().orElse(null));
    }
}
