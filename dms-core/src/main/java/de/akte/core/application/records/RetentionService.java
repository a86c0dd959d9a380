package de.akte.core.application.records;

import de.akte.core.security.Caller;

import java.time.LocalDate;

/**
 * Retention schedules on the file plan and what they mean for each case file: closing (zdA) starts
 * the clock, reopening stops it, named events start event-triggered periods. Every change that
 * moves a disposal date extends the storage's retention of the file's blobs.
 */
public class RetentionService {

    private final FilePlanRetention filePlan;
    private final CaseFileRetention caseFiles;
    private final StorageRetention storage;

    public RetentionService(FilePlanRetention filePlan, CaseFileRetention caseFiles, StorageRetention storage) {
        this.filePlan = filePlan;
        this.caseFiles = caseFiles;
        this.storage = storage;
    }

    /** The node's own and effective schedule; anyone signed in may read the file plan. */
    public NodeRetentionView schedule(Caller caller, long nodeId) {
        return filePlan.schedule(caller, nodeId);
    }

    /**
     * Defines the node's own schedule (nodes below inherit it unless they define their own). Closed
     * case files under the node get their storage retention extended to the new dates.
     */
    public NodeRetentionView defineSchedule(Caller caller, long nodeId, ScheduleRequest request) {
        return filePlan.defineSchedule(caller, nodeId, request);
    }

    /** Removes the node's own schedule; it inherits again from above. Storage retention never shrinks. */
    public NodeRetentionView removeSchedule(Caller caller, long nodeId) {
        return filePlan.removeSchedule(caller, nodeId);
    }

    public CaseFileRetentionView retention(Caller caller, long caseFileId) {
        return caseFiles.retention(caller, caseFileId);
    }

    /** zdA: closes the case file (today unless a day is given) and starts its retention clock. */
    public CaseFileRetentionView close(Caller caller, long caseFileId, LocalDate on) {
        return caseFiles.close(caller, caseFileId, on);
    }

    /** See {@link CaseFileRetention#reopen}. */
    public CaseFileRetentionView reopen(Caller caller, long caseFileId, String reason) {
        return caseFiles.reopen(caller, caseFileId, reason);
    }

    /** Records the day a named event happened (e.g. {@code Ende Bewilligungszeitraum}). */
    public CaseFileRetentionView recordEvent(Caller caller, long caseFileId, String name, LocalDate on) {
        return caseFiles.recordEvent(caller, caseFileId, name, on);
    }

    /**
     * Extends the storage retention of every closed case file's blobs to its disposal date again:
     * catches documents and renditions added to a file after it was closed. Only extends, so
     * running it often is harmless; returns the number of case files with a date.
     */
    public int reapplyProtection() {
        return storage.reapplyProtection();
    }
}
