package de.akte.core.application.records;

import de.akte.core.casefile.CaseFile;
import de.akte.core.casefile.CaseFileStatus;
import de.akte.core.document.Document;
import de.akte.core.document.DocumentRepository;
import de.akte.core.fileplan.FilePlanNode;
import de.akte.core.hold.HoldTarget;
import de.akte.core.hold.LegalHold;
import de.akte.core.hold.LegalHoldRepository;
import de.akte.core.retention.RetentionAssessment;
import de.akte.core.retention.TriggerDates;
import de.akte.core.shared.Clock;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the retention rules say of one case file: the schedule it falls under (from its file plan node or above),
 * its disposal date as the file's dates and events set it, and the legal holds that stop its disposal.
 */
public class RetentionRules {

    private final DocumentRepository documents;
    private final LegalHoldRepository holds;
    private final Clock clock;

    public RetentionRules(DocumentRepository documents, LegalHoldRepository holds, Clock clock) {
        this.documents = documents;
        this.holds = holds;
        this.clock = clock;
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

    /** The case file's retention as the API shows it (inside a unit of work). */
    CaseFileRetentionView view(CaseFile caseFile) {
        RetentionAssessment a = assess(caseFile);
        List<LegalHold> active = activeHolds(caseFile, documents.findInCaseFile(caseFile));
        return new CaseFileRetentionView(caseFile.id(), caseFile.fileReference().value(), caseFile.status().name(),
                caseFile.closedOn().orElse(null), a.schedule().map(ScheduleView::of).orElse(null), a.sourceNode(),
                a.disposalDate().orElse(null), a.action().map(Enum::name).orElse(null), caseFile.events(),
                active.stream().map(LegalHold::id).toList(), caseFile.appraisalNote().orElse(null),
                active.isEmpty() && a.isDueOn(clock.today()));
    }

    private TriggerDates triggerDates(CaseFile caseFile) {
        LocalDate latest = documents.findInCaseFile(caseFile).stream()
                .map(d -> d.documentDate().orElse(LocalDate.ofInstant(d.createdAt(), Clock.ZONE)))
                .max(LocalDate::compareTo).orElse(null);
        return new TriggerDates(caseFile.closedOn().orElse(null), latest, caseFile.openedOn(), caseFile.events());
    }
}
