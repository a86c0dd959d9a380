package de.akte.core.application.records;

import de.akte.core.security.Access;
import de.akte.core.audit.AuditAction;
import de.akte.core.audit.AuditTrail;
import de.akte.core.casefile.CaseFile;
import de.akte.core.casefile.CaseFileRepository;
import de.akte.core.casefile.CaseFileStatus;
import de.akte.core.disposition.Disposal;
import de.akte.core.disposition.DisposalRepository;
import de.akte.core.document.Document;
import de.akte.core.document.DocumentRepository;
import de.akte.core.fileplan.FilePlanNode;
import de.akte.core.fileplan.FilePlanRepository;
import de.akte.core.hold.HoldTarget;
import de.akte.core.hold.LegalHold;
import de.akte.core.hold.LegalHoldRepository;
import de.akte.core.retention.DisposalAction;
import de.akte.core.retention.RetentionAssessment;
import de.akte.core.retention.RetentionSchedule;
import de.akte.core.retention.RetentionTrigger;
import de.akte.core.retention.TriggerDates;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.Clock;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.shared.NotFoundException;
import de.akte.core.shared.UnitOfWork;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Retention schedules on the file plan and what they mean for each case file: closing (zdA) starts
 * the clock, reopening stops it, named events start event-triggered periods. Every change that
 * moves a disposal date extends the storage's retention of the file's blobs.
 */
public class RetentionService {

    private static final int SLICE = 200;

    private final UnitOfWork unitOfWork;
    private final FilePlanRepository filePlans;
    private final CaseFileRepository caseFiles;
    private final DocumentRepository documents;
    private final LegalHoldRepository holds;
    private final DisposalRepository disposals;
    private final RecordsProtection protection;
    private final AuditTrail audit;
    private final Clock clock;

    public RetentionService(UnitOfWork unitOfWork, FilePlanRepository filePlans, CaseFileRepository caseFiles,
                            DocumentRepository documents, LegalHoldRepository holds, DisposalRepository disposals,
                            RecordsProtection protection, AuditTrail audit, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.filePlans = filePlans;
        this.caseFiles = caseFiles;
        this.documents = documents;
        this.holds = holds;
        this.disposals = disposals;
        this.protection = protection;
        this.audit = audit;
        this.clock = clock;
    }

    /** The node's own and effective schedule; anyone signed in may read the file plan. */
    public NodeRetentionView schedule(Caller caller, long nodeId) {
        Objects.requireNonNull(caller);
        return unitOfWork.call(() -> nodeView(node(nodeId)));
    }

    /**
     * Defines the node's own schedule (nodes below inherit it unless they define their own). Closed
     * case files under the node get their storage retention extended to the new dates.
     */
    public NodeRetentionView defineSchedule(Caller caller, long nodeId, ScheduleRequest request) {
        Access.requireAnyRole(caller, Role.RECORDS_OFFICER);
        RetentionSchedule schedule = parse(request);
        return unitOfWork.call(() -> {
            FilePlanNode node = node(nodeId);
            node.defineRetention(schedule);
            audit.record(caller.username(), AuditAction.RETENTION, "filePlanNode", node.id().toString(),
                    "schedule=" + schedule);
            reprotectBelow(node);
            return nodeView(node);
        });
    }

    /** Removes the node's own schedule; it inherits again from above. Storage retention never shrinks. */
    public NodeRetentionView removeSchedule(Caller caller, long nodeId) {
        Access.requireAnyRole(caller, Role.RECORDS_OFFICER);
        return unitOfWork.call(() -> {
            FilePlanNode node = node(nodeId);
            node.defineRetention(null);
            audit.record(caller.username(), AuditAction.RETENTION, "filePlanNode", node.id().toString(),
                    "schedule removed; inherits from above");
            reprotectBelow(node);
            return nodeView(node);
        });
    }

    public CaseFileRetentionView retention(Caller caller, long caseFileId) {
        return unitOfWork.call(() -> view(visibleCaseFile(caller, caseFileId)));
    }

    /** zdA: closes the case file (today unless a day is given) and starts its retention clock. */
    public CaseFileRetentionView close(Caller caller, long caseFileId, LocalDate on) {
        Access.requireAnyRole(caller, Role.CLERK, Role.RECORDS_OFFICER, Role.ADMIN);
        LocalDate day = on != null ? on : clock.today();
        if (day.isAfter(clock.today())) {
            throw new InvalidInputException("closedOn", "a case file cannot be closed in the future");
        }
        return unitOfWork.call(() -> {
            CaseFile caseFile = visibleCaseFile(caller, caseFileId);
            try {
                caseFile.close(day);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("closedOn", e.getMessage());
            }
            return changed(caller, caseFile, "closed (zdA) on " + day);
        });
    }

    /**
     * Reopens a closed case file for a stated reason (audited); its disposal date is gone until it is closed
     * again (later). An approved disposal of the file goes back for a new four-eyes decision, since the file
     * may now change; a file the archive is taking cannot be reopened until the transfer has ended.
     */
    public CaseFileRetentionView reopen(Caller caller, long caseFileId, String reason) {
        Access.requireAnyRole(caller, Role.CLERK, Role.RECORDS_OFFICER, Role.ADMIN);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 1000) {
            throw new InvalidInputException("reason",
                    "say why the case file is reopened: a reason of 1 to 1000 characters is required");
        }
        return unitOfWork.call(() -> {
            CaseFile caseFile = visibleCaseFile(caller, caseFileId);
            caseFile.reopen();
            String change = "case file " + caseFile.fileReference() + " was reopened by " + caller.username()
                    + ": " + why;
            for (Disposal disposal : disposals.runningWith(caseFile.id())) {
                if (disposal.caseFileChanging(caseFile.id(), change, clock.now())) {
                    audit.record(caller.username(), AuditAction.DISPOSAL, "disposal", disposal.id().toString(),
                            "sent back for a new decision: " + change);
                }
            }
            return changed(caller, caseFile, "reopened: " + why);
        });
    }

    /** Records the day a named event happened (e.g. {@code Ende Bewilligungszeitraum}). */
    public CaseFileRetentionView recordEvent(Caller caller, long caseFileId, String name, LocalDate on) {
        Access.requireAnyRole(caller, Role.CLERK, Role.RECORDS_OFFICER, Role.ADMIN);
        if (on == null) {
            throw new InvalidInputException("date", "an event needs its date");
        }
        return unitOfWork.call(() -> {
            CaseFile caseFile = visibleCaseFile(caller, caseFileId);
            try {
                caseFile.recordEvent(name, on);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("name", e.getMessage());
            }
            return changed(caller, caseFile, "event '" + name.strip() + "' on " + on);
        });
    }

    /**
     * Extends the storage retention of every closed case file's blobs to its disposal date again:
     * catches documents and renditions added to a file after it was closed. Only extends, so
     * running it often is harmless; returns the number of case files with a date.
     */
    public int reapplyProtection() {
        int protectedFiles = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<CaseFile> slice = unitOfWork.call(() -> caseFiles.closedAfter(from, SLICE));
            if (slice.isEmpty()) {
                return protectedFiles;
            }
            for (CaseFile c : slice) {
                boolean dated = unitOfWork.call(() -> caseFiles.find(c.id()).map(fresh -> {
                    var date = assess(fresh).disposalDate();
                    date.ifPresent(d -> protection.retain(fresh, d));
                    return date.isPresent();
                }).orElse(false));
                protectedFiles += dated ? 1 : 0;
            }
            after = slice.get(slice.size() - 1).id();
        }
    }

    /** The rules applied to one case file (inside a unit of work). */
    RetentionAssessment assess(CaseFile caseFile) {
        return caseFile.filePlanNode().flatMap(FilePlanNode::retentionSource)
                .map(source -> RetentionAssessment.of(source.ownRetention().orElseThrow(), source.code(),
                        triggerDates(caseFile), caseFile.status() == CaseFileStatus.CLOSED))
                .orElse(RetentionAssessment.none());
    }

    /** Active holds on the case file itself or on any of its documents (inside a unit of work). */
    List<LegalHold> activeHolds(CaseFile caseFile, List<Document> docs) {
        List<LegalHold> active = new ArrayList<>(holds.activeOn(HoldTarget.CASE_FILE, List.of(caseFile.id())));
        active.addAll(holds.activeOn(HoldTarget.DOCUMENT, docs.stream().map(Document::id).toList()));
        return active;
    }

    CaseFileRetentionView view(CaseFile caseFile) {
        RetentionAssessment a = assess(caseFile);
        List<LegalHold> active = activeHolds(caseFile, documents.findInCaseFile(caseFile));
        return new CaseFileRetentionView(caseFile.id(), caseFile.fileReference().value(), caseFile.status().name(),
                caseFile.closedOn().orElse(null), a.schedule().map(ScheduleView::of).orElse(null), a.sourceNode(),
                a.disposalDate().orElse(null), a.action().map(Enum::name).orElse(null), caseFile.events(),
                active.stream().map(LegalHold::id).toList(), caseFile.appraisalNote().orElse(null),
                active.isEmpty() && a.isDueOn(clock.today()));
    }

    private CaseFileRetentionView changed(Caller caller, CaseFile caseFile, String what) {
        RetentionAssessment a = assess(caseFile);
        audit.record(caller.username(), AuditAction.RETENTION, "caseFile", caseFile.id().toString(),
                what + "; disposal " + a.disposalDate().map(LocalDate::toString).orElse("not scheduled")
                        + a.action().map(x -> " (" + x + ")").orElse(""));
        a.disposalDate().ifPresent(d -> protection.retain(caseFile, d));
        return view(caseFile);
    }

    private TriggerDates triggerDates(CaseFile caseFile) {
        LocalDate latest = documents.findInCaseFile(caseFile).stream()
                .map(d -> d.documentDate().orElse(LocalDate.ofInstant(d.createdAt(), Clock.ZONE)))
                .max(LocalDate::compareTo).orElse(null);
        return new TriggerDates(caseFile.closedOn().orElse(null), latest, caseFile.openedOn(), caseFile.events());
    }

    private void reprotectBelow(FilePlanNode node) {
        long after = 0;
        while (true) {
            List<CaseFile> slice = caseFiles.closedAfter(after, SLICE);
            if (slice.isEmpty()) {
                return;
            }
            for (CaseFile c : slice) {
                if (c.filePlanNode().map(n -> isAtOrBelow(n, node)).orElse(false)) {
                    assess(c).disposalDate().ifPresent(d -> protection.retain(c, d));
                }
            }
            after = slice.get(slice.size() - 1).id();
        }
    }

    private static boolean isAtOrBelow(FilePlanNode n, FilePlanNode ancestor) {
        return Stream.iterate(n, Objects::nonNull, x -> x.parent().orElse(null))
                .anyMatch(x -> x.id().equals(ancestor.id()));
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

    private CaseFile visibleCaseFile(Caller caller, long id) {
        return Access.visible(caller, caseFiles.find(id).orElseThrow(() -> new NotFoundException("no case file " + id)),
                String.valueOf(id));
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
            errors.add(new InvalidInputException.FieldError(field, "unknown " + field + " '" + value + "', expected one of "
                    + java.util.Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }
}
