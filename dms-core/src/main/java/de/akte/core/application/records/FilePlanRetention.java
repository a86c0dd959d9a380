package de.akte.core.application.records;

import de.akte.core.audit.AuditAction;
import de.akte.core.audit.AuditTrail;
import de.akte.core.fileplan.FilePlanNode;
import de.akte.core.fileplan.FilePlanRepository;
import de.akte.core.retention.DisposalAction;
import de.akte.core.retention.RetentionSchedule;
import de.akte.core.retention.RetentionTrigger;
import de.akte.core.security.Access;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.shared.NotFoundException;
import de.akte.core.shared.UnitOfWork;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Retention schedules on the file plan: a node's own schedule holds for the nodes below unless they define their
 * own. A change extends the storage retention of the closed case files under the node; it never shrinks.
 */
public class FilePlanRetention {

    private final UnitOfWork unitOfWork;
    private final FilePlanRepository filePlans;
    private final StorageRetention storage;
    private final AuditTrail audit;

    public FilePlanRetention(UnitOfWork unitOfWork, FilePlanRepository filePlans, StorageRetention storage,
                             AuditTrail audit) {
        this.unitOfWork = unitOfWork;
        this.filePlans = filePlans;
        this.storage = storage;
        this.audit = audit;
    }

    /** The node's own and effective schedule; anyone signed in may read the file plan. */
    NodeRetentionView schedule(Caller caller, long nodeId) {
        Objects.requireNonNull(caller);
        return unitOfWork.call(() -> nodeView(node(nodeId)));
    }

    /** Defines the node's own schedule; closed case files under it get their storage retention extended. */
    NodeRetentionView defineSchedule(Caller caller, long nodeId, ScheduleRequest request) {
        Access.requireAnyRole(caller, Role.RECORDS_OFFICER);
        RetentionSchedule schedule = parse(request);
        return unitOfWork.call(() -> {
            FilePlanNode node = node(nodeId);
            node.defineRetention(schedule);
            audit.record(caller.username(), AuditAction.RETENTION, "filePlanNode", node.id().toString(),
                    "schedule=" + schedule);
            storage.protectBelow(node);
            return nodeView(node);
        });
    }

    /** Removes the node's own schedule; it inherits again from above. Storage retention never shrinks. */
    NodeRetentionView removeSchedule(Caller caller, long nodeId) {
        Access.requireAnyRole(caller, Role.RECORDS_OFFICER);
        return unitOfWork.call(() -> {
            FilePlanNode node = node(nodeId);
            node.defineRetention(null);
            audit.record(caller.username(), AuditAction.RETENTION, "filePlanNode", node.id().toString(),
                    "schedule removed; inherits from above");
            storage.protectBelow(node);
            return nodeView(node);
        });
    }

    private NodeRetentionView nodeView(FilePlanNode node) {
        var source = node.retentionSource();
        return new NodeRetentionView(node.id(), node.code(), node.title(),
                ScheduleView.of(node.ownRetention().orElse(null)),
                ScheduleView.of(source.flatMap(FilePlanNode::ownRetention).orElse(null)),
                source.map(FilePlanNode::code).orElse(null));
    }

    private FilePlanNode node(long id) {
        return filePlans.findNode(id).orElseThrow(() -> new NotFoundException("no file plan node " + id));
    }

    static RetentionSchedule parse(ScheduleRequest r) {
        if (r == null) {
            throw new InvalidInputException("schedule", "a retention schedule is needed");
        }
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        RetentionTrigger trigger = parseEnum(RetentionTrigger.class, r.trigger(), "trigger", errors);
        DisposalAction action = parseEnum(DisposalAction.class, r.action(), "action", errors);
        if (r.years() == null && r.months() == null) {
            errors.add(new InvalidInputException.FieldError("years", "a period in years and/or months is needed"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the retention schedule is incomplete", errors);
        }
        try {
            return new RetentionSchedule(r.years() == null ? 0 : r.years(), r.months() == null ? 0 : r.months(),
                    trigger, r.event(), action, r.legalBasis());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("schedule", e.getMessage());
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field,
                                                   List<InvalidInputException.FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new InvalidInputException.FieldError(field, field + " is missing"));
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new InvalidInputException.FieldError(field, "unknown " + field + " '" + value
                    + "', expected one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }
}
