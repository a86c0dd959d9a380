package de.akte.core.application.filing;

import de.akte.core.application.documents.DocumentView;
import de.akte.core.security.Access;
import de.akte.core.shared.Page;
import de.akte.core.audit.AuditAction;
import de.akte.core.audit.AuditTrail;
import de.akte.core.casefile.CaseFile;
import de.akte.core.casefile.CaseFileRepository;
import de.akte.core.casefile.Process;
import de.akte.core.document.Document;
import de.akte.core.document.DocumentRepository;
import de.akte.core.fileplan.FilePlanNode;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.Clock;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.shared.NotFoundException;
import de.akte.core.shared.UnitOfWork;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Opening, finding and showing case files with their processes and documents. */
public class CaseFileService {

    private final UnitOfWork unitOfWork;
    private final CaseFileRepository caseFiles;
    private final DocumentRepository documents;
    private final CaseFileOpening opening;
    private final AuditTrail audit;
    private final Clock clock;

    public CaseFileService(UnitOfWork unitOfWork, CaseFileRepository caseFiles, DocumentRepository documents,
                           CaseFileOpening opening, AuditTrail audit, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.caseFiles = caseFiles;
        this.documents = documents;
        this.opening = opening;
        this.audit = audit;
        this.clock = clock;
    }

    public CaseFileView open(Caller caller, NewCaseFile request) {
        return opening.open(caller, request);
    }

    public Page<CaseFileView> findByReference(Caller caller, String referencePrefix, int page, int size) {
        return unitOfWork.call(() -> {
            long total = caseFiles.countByReferencePrefix(referencePrefix, caller.visibleDepartments());
            List<CaseFileView> items = caseFiles.findByReferencePrefix(referencePrefix, caller.visibleDepartments(),
                    page * size, size).stream().map(CaseFileService::toView).toList();
            return new Page<>(total, page, size, items);
        });
    }

    public CaseFileDetails details(Caller caller, long id) {
        return unitOfWork.call(() -> {
            CaseFile caseFile = Access.visible(caller,
                    caseFiles.find(id).orElseThrow(() -> new NotFoundException("no case file " + id)), String.valueOf(id));
            List<Document> docs = documents.findInCaseFile(caseFile).stream()
                    .filter(d -> caller.canSee(d.department().code())).toList();
            Map<Long, List<DocumentView>> byProcess = docs.stream().filter(d -> d.process().isPresent())
                    .collect(Collectors.groupingBy(d -> d.process().get().id(),
                            Collectors.mapping(DocumentView::of, Collectors.toList())));
            List<CaseFileDetails.ProcessView> processes = caseFiles.processesOf(caseFile).stream()
                    .map(p -> new CaseFileDetails.ProcessView(p.id(), p.title(), p.createdAt(), p.createdBy(),
                            byProcess.getOrDefault(p.id(), List.of())))
                    .toList();
            List<DocumentView> loose = docs.stream().filter(d -> d.process().isEmpty())
                    .map(DocumentView::of).toList();
            List<CaseFileDetails.FilePlanUnit> path = new java.util.ArrayList<>();
            for (var node = caseFile.filePlanNode(); node.isPresent(); node = node.get().parent()) {
                path.add(0, new CaseFileDetails.FilePlanUnit(node.get().code(), node.get().title()));
            }
            return new CaseFileDetails(toView(caseFile), processes, loose, path);
        });
    }

    public CaseFileDetails.ProcessView openProcess(Caller caller, long caseFileId, String title) {
        Access.requireAnyRole(caller, Role.CLERK, Role.RECORDS_OFFICER, Role.ADMIN);
        if (title == null || title.isBlank()) {
            throw new InvalidInputException("title", "a process needs a title");
        }
        return unitOfWork.call(() -> {
            CaseFile caseFile = Access.visible(caller, caseFiles.find(caseFileId)
                    .orElseThrow(() -> new NotFoundException("no case file " + caseFileId)), String.valueOf(caseFileId));
            Process process = new Process(caseFile, title, clock.now(), caller.username());
            caseFiles.addProcess(process);
            audit.record(caller.username(), AuditAction.CREATE, "process", process.id().toString(),
                    "caseFile=" + caseFile.fileReference() + "; title=" + process.title());
            return new CaseFileDetails.ProcessView(process.id(), process.title(), process.createdAt(),
                    process.createdBy(), List.of());
        });
    }

    static CaseFileView toView(CaseFile c) {
        return new CaseFileView(c.id(), c.fileReference().value(), c.title(), c.department().code(),
                c.filePlanNode().map(FilePlanNode::code).orElse(null), c.status().name(), c.openedOn(),
                c.closedOn().orElse(null), c.createdAt(), c.createdBy());
    }
}
