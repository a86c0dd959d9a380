package de.akte.core.application.records;

import de.akte.core.casefile.CaseFile;
import de.akte.core.casefile.CaseFileRepository;
import de.akte.core.security.Access;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.Clock;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.shared.NotFoundException;
import de.akte.core.shared.UnitOfWork;

import java.time.LocalDate;

/**
 * A case file's retention clock: closing it (zdA) starts the clock, reopening stops it, and named events start
 * event-triggered periods.
 */
public class CaseFileRetention {

    private final UnitOfWork unitOfWork;
    private final CaseFileRepository caseFiles;
    private final ApprovedContents approved;
    private final RetentionChanges changes;
    private final Clock clock;

    public CaseFileRetention(UnitOfWork unitOfWork, CaseFileRepository caseFiles, ApprovedContents approved,
                             RetentionChanges changes, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.caseFiles = caseFiles;
        this.approved = approved;
        this.changes = changes;
        this.clock = clock;
    }

    CaseFileRetentionView retention(Caller caller, long caseFileId) {
        return unitOfWork.call(() -> changes.view(visibleCaseFile(caller, caseFileId)));
    }

    /** zdA: closes the case file (today unless a day is given) and starts its retention clock. */
    CaseFileRetentionView close(Caller caller, long caseFileId, LocalDate on) {
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
            return changes.changed(caller, caseFile, "closed (zdA) on " + day);
        });
    }

    /**
     * Reopens a closed case file for a stated reason (audited); its disposal date is gone until it is closed
     * again (later). An approved disposal of the file goes back for a new four-eyes decision, since the file
     * may now change; a file the archive is taking cannot be reopened until the transfer has ended.
     */
    CaseFileRetentionView reopen(Caller caller, long caseFileId, String reason) {
        Access.requireAnyRole(caller, Role.CLERK, Role.RECORDS_OFFICER, Role.ADMIN);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 1000) {
            throw new InvalidInputException("reason",
                    "say why the case file is reopened: a reason of 1 to 1000 characters is required");
        }
        return unitOfWork.call(() -> {
            CaseFile caseFile = visibleCaseFile(caller, caseFileId);
            caseFile.reopen();
            approved.caseFileChanging(caller, caseFile, "case file " + caseFile.fileReference()
                    + " was reopened by " + caller.username() + ": " + why);
            return changes.changed(caller, caseFile, "reopened: " + why);
        });
    }

    /** Records the day a named event happened (e.g. {@code Ende Bewilligungszeitraum}). */
    CaseFileRetentionView recordEvent(Caller caller, long caseFileId, String name, LocalDate on) {
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
            return changes.changed(caller, caseFile, "event '" + name.strip() + "' on " + on);
        });
    }

    private CaseFile visibleCaseFile(Caller caller, long id) {
        return Access.visible(caller, caseFiles.find(id).orElseThrow(() -> new NotFoundException("no case file " + id)),
                String.valueOf(id));
    }
}
