package de.akte.core.application.records;

import de.akte.core.casefile.CaseFile;
import de.akte.core.casefile.CaseFileRepository;
import de.akte.core.fileplan.FilePlanNode;
import de.akte.core.retention.RetentionAssessment;
import de.akte.core.shared.UnitOfWork;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Keeps the storage's retention of closed case files' blobs in step with their disposal dates: after a change to a
 * file or to a schedule above it, and again for all of them (catching documents added after a file was closed).
 * Only ever extends.
 */
public class StorageRetention {

    private static final int SLICE = 200;

    private final UnitOfWork unitOfWork;
    private final CaseFileRepository caseFiles;
    private final RetentionRules rules;
    private final RecordsProtection protection;

    public StorageRetention(UnitOfWork unitOfWork, CaseFileRepository caseFiles, RetentionRules rules,
                            RecordsProtection protection) {
        this.unitOfWork = unitOfWork;
        this.caseFiles = caseFiles;
        this.rules = rules;
        this.protection = protection;
    }

    /** Retains the case file's blobs until its disposal date, if it has one (inside a unit of work). */
    RetentionAssessment protect(CaseFile caseFile) {
        RetentionAssessment a = rules.assess(caseFile);
        a.disposalDate().ifPresent(d -> protection.retain(caseFile, d));
        return a;
    }

    /** The same for every closed case file at or below the node (inside a unit of work). */
    void protectBelow(FilePlanNode node) {
        long after = 0;
        while (true) {
            List<CaseFile> slice = caseFiles.closedAfter(after, SLICE);
            if (slice.isEmpty()) {
                return;
            }
            for (CaseFile c : slice) {
                if (c.filePlanNode().map(n -> isAtOrBelow(n, node)).orElse(false)) {
                    protect(c);
                }
            }
            after = slice.get(slice.size() - 1).id();
        }
    }

    /**
     * Extends the storage retention of every closed case file's blobs to its disposal date again, each file in a
     * unit of work of its own. Running it often is harmless; returns the number of case files with a date.
     */
    int reapplyProtection() {
        int protectedFiles = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<CaseFile> slice = unitOfWork.call(() -> caseFiles.closedAfter(from, SLICE));
            if (slice.isEmpty()) {
                return protectedFiles;
            }
            for (CaseFile c : slice) {
                boolean dated = unitOfWork.call(() -> caseFiles.find(c.id())
                        .map(fresh -> protect(fresh).disposalDate().isPresent()).orElse(false));
                protectedFiles += dated ? 1 : 0;
            }
            after = slice.get(slice.size() - 1).id();
        }
    }

    private static boolean isAtOrBelow(FilePlanNode n, FilePlanNode ancestor) {
        return Stream.iterate(n, Objects::nonNull, x -> x.parent().orElse(null))
                .anyMatch(x -> x.id().equals(ancestor.id()));
    }
}
