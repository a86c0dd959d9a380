package de.akte.core.application.records;

import de.akte.core.audit.AuditAction;
import de.akte.core.audit.AuditTrail;
import de.akte.core.casefile.CaseFile;
import de.akte.core.retention.RetentionAssessment;
import de.akte.core.security.Caller;

import java.time.LocalDate;

/**
 * What every change to a case file's retention brings with it: the audit trail records it with the disposal date it
 * leads to, and the storage retains the file's blobs until then.
 */
public class RetentionChanges {

    private final RetentionRules rules;
    private final StorageRetention storage;
    private final AuditTrail audit;

    public RetentionChanges(RetentionRules rules, StorageRetention storage, AuditTrail audit) {
        this.rules = rules;
        this.storage = storage;
        this.audit = audit;
    }

    /** Records the change and protects the file's blobs; returns its retention now (inside a unit of work). */
    CaseFileRetentionView changed(Caller caller, CaseFile caseFile, String what) {
        RetentionAssessment a = rules.assess(caseFile);
        audit.record(caller.username(), AuditAction.RETENTION, "caseFile", caseFile.id().toString(),
                what + "; disposal " + a.disposalDate().map(LocalDate::toString).orElse("not scheduled")
                        + a.action().map(x -> " (" + x + ")").orElse(""));
        storage.protect(caseFile);
        return view(caseFile);
    }

    /** The case file's retention as the API shows it (inside a unit of work). */
    CaseFileRetentionView view(CaseFile caseFile) {
        return rules.view(caseFile);
    }
}
