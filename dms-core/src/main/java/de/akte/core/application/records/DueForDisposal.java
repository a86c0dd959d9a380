package de.akte.core.application.records;

import de.akte.core.casefile.CaseFile;
import de.akte.core.casefile.CaseFileRepository;
import de.akte.core.disposition.DisposalRepository;
import de.akte.core.document.DocumentRepository;
import de.akte.core.hold.LegalHold;
import de.akte.core.retention.RetentionAssessment;
import de.akte.core.security.Access;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.Clock;
import de.akte.core.shared.ConflictException;
import de.akte.core.shared.NotFoundException;
import de.akte.core.shared.Page;
import de.akte.core.shared.UnitOfWork;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which case files are due for disposal: closed, their computed disposal date today or earlier, no active legal
 * hold on them or their documents. Nobody can dispose of a record early: the check uses the clock.
 */
public class DueForDisposal {

    private static final int SLICE = 200;

    private final UnitOfWork unitOfWork;
    private final DisposalRepository disposals;
    private final CaseFileRepository caseFiles;
    private final DocumentRepository documents;
    private final RetentionRules retention;
    private final Clock clock;

    public DueForDisposal(UnitOfWork unitOfWork, DisposalRepository disposals, CaseFileRepository caseFiles,
                          DocumentRepository documents, RetentionRules retention, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.disposals = disposals;
        this.caseFiles = caseFiles;
        this.documents = documents;
        this.retention = retention;
        this.clock = clock;
    }

    /**
     * The disposal list: closed case files whose disposal date is today or earlier, with no active
     * legal hold on them or their documents, and not already in a running disposal.
     */
    public Page<DueCaseFile> due(Caller caller, int page, int size) {
        Access.requireAnyRole(caller, Role.RECORDS_OFFICER, Role.ADMIN);
        return unitOfWork.call(() -> {
            Set<Long> inProgress = new HashSet<>(disposals.caseFilesInOpenDisposals());
            LocalDate today = clock.today();
            List<DueCaseFile> all = new ArrayList<>();
            long after = 0;
            while (true) {
                List<CaseFile> slice = caseFiles.closedAfter(after, SLICE);
                if (slice.isEmpty()) {
                    break;
                }
                for (CaseFile c : slice) {
                    if (inProgress.contains(c.id())) {
                        continue;
                    }
                    RetentionAssessment a = retention.assess(c);
                    if (a.isDueOn(today) && retention.activeHolds(c, documents.findInCaseFile(c)).isEmpty()) {
                        all.add(dueLine(c, a));
                    }
                }
                after = slice.get(slice.size() - 1).id();
            }
            all.sort(Comparator.comparing(DueCaseFile::disposalDate).thenComparing(DueCaseFile::fileReference));
            int from = Math.min(all.size(), page * size);
            return new Page<>(all.size(), page, size, all.subList(from, Math.min(all.size(), from + size)));
        });
    }

    /** A case file by id (inside a unit of work). */
    CaseFile caseFile(long id) {
        return caseFiles.find(id).orElseThrow(() -> new NotFoundException("no case file " + id));
    }

    /** The case file must exist, be due today by its computed date and have no active hold. */
    RetentionAssessment requireDisposable(CaseFile c) {
        RetentionAssessment a = retention.assess(c);
        if (a.schedule().isEmpty()) {
            throw new ConflictException("case file " + c.fileReference() + " has no retention schedule");
        }
        if (!a.isDueOn(clock.today())) {
            throw new ConflictException("case file " + c.fileReference() + " is not due for disposal: "
                    + a.disposalDate().map(d -> "its retention runs until " + d)
                    .orElse("it is open or its retention has not started"));
        }
        List<LegalHold> active = retention.activeHolds(c, documents.findInCaseFile(c));
        if (!active.isEmpty()) {
            throw new ConflictException("case file " + c.fileReference() + " is under legal hold "
                    + active.stream().map(LegalHold::id).toList());
        }
        return a;
    }

    private static DueCaseFile dueLine(CaseFile c, RetentionAssessment a) {
        return new DueCaseFile(c.id(), c.fileReference().value(), c.title(), c.department().code(),
                c.closedOn().orElse(null), a.disposalDate().orElseThrow(), a.action().orElseThrow().name(),
                a.schedule().orElseThrow().legalBasis(), a.sourceNode(), c.appraisalNote().orElse(null));
    }
}
