package de.akte.core.application.filing;

import de.akte.core.application.documents.DocumentView;
import de.akte.core.security.Access;
import de.akte.core.shared.Page;
import de.akte.core.audit.AuditAction;
import de.akte.core.audit.AuditTrail;
import de.akte.core.casefile.CaseFile;
import de.akte.core.casefile.CaseFileRepository;
import de.akte.core.casefile.FileReference;
import de.akte.core.classification.Classifier;
import de.akte.core.classification.FilingExample;
import de.akte.core.department.Department;
import de.akte.core.department.DepartmentRepository;
import de.akte.core.document.Document;
import de.akte.core.document.DocumentRepository;
import de.akte.core.document.FilingState;
import de.akte.core.indexing.IndexOutbox;
import de.akte.core.routing.RoutingCause;
import de.akte.core.routing.RoutingRequest;
import de.akte.core.routing.RoutingRequestRepository;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.security.SystemActor;
import de.akte.core.shared.Clock;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.shared.NotFoundException;
import de.akte.core.shared.UnitOfWork;

import java.util.Map;
import java.util.Optional;

/**
 * The registry's side of automation: where a record may belong to another department, automation asks here
 * instead of moving it, and a records officer or administrator hands it over (or keeps it where it is).
 */
public class RoutingDesk {

    private final UnitOfWork unitOfWork;
    private final DocumentRepository documents;
    private final DepartmentRepository departments;
    private final CaseFileRepository caseFiles;
    private final RoutingRequestRepository requests;
    private final Classifier classifier;
    private final IndexOutbox indexOutbox;
    private final AuditTrail audit;
    private final Clock clock;
    private final FilingExamples examples;

    public RoutingDesk(UnitOfWork unitOfWork, DocumentRepository documents, DepartmentRepository departments,
                       CaseFileRepository caseFiles, RoutingRequestRepository requests, Classifier classifier,
                       IndexOutbox indexOutbox, AuditTrail audit, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.documents = documents;
        this.departments = departments;
        this.caseFiles = caseFiles;
        this.requests = requests;
        this.classifier = classifier;
        this.indexOutbox = indexOutbox;
        this.audit = audit;
        this.clock = clock;
        this.examples = new FilingExamples(documents);
    }

    /**
     * Asks the registry about a document, within the caller's transaction, in the name of the automation that
     * asks. The detail is for records officers only; the note (if any) is what the document's own department sees,
     * and must name nothing of another one. The same question about the same document is asked once.
     */
    public void ask(SystemActor asker, Document document, RoutingCause cause, String note, String detail) {
        if (document.id() == null) {
            throw new IllegalStateException("a routing request needs a stored document");
        }
        boolean asked = requests.openFor(document.id()).stream().anyMatch(r -> r.cause() == cause);
        if (!asked) {
            requests.add(new RoutingRequest(document.id(), cause, detail, clock.now()));
            audit.record(asker.actorName(), AuditAction.UPDATE_METADATA, "document", document.id().toString(),
                    "registry asked where it belongs: " + cause);
        }
        if (note != null && document.routingNote().isEmpty()) {
            document.awaitRouting(note);
        }
    }

    /** The open routing requests, oldest first: records officers and administrators only. */
    public Page<RoutingRequestView> open(Caller caller, int page, int size) {
        Access.requireAnyRole(caller, Role.RECORDS_OFFICER, Role.ADMIN);
        int pageSize = Math.max(1, Math.min(200, size));
        int pageNumber = Math.max(0, page);
        return unitOfWork.call(() -> new Page<>(requests.countOpen(), pageNumber, pageSize,
                requests.open(pageNumber * pageSize, pageSize).stream().map(this::toView).toList()));
    }

    /**
     * Hands a document over to a department (and optionally one of its open case files), or keeps it where it is
     * when that is its department; every open routing request on it is answered. Audited with the reason.
     */
    public DocumentView handOver(Caller caller, long documentId, Handover handover) {
        Access.requireAnyRole(caller, Role.RECORDS_OFFICER, Role.ADMIN);
        String reason = handover.reason() == null ? "" : handover.reason().strip();
        if (reason.isEmpty()) {
            throw new InvalidInputException("reason", "a handover needs a reason");
        }
        if (reason.length() > 1000) {
            throw new InvalidInputException("reason", "reason is longer than 1000 characters");
        }
        if (handover.department() == null || handover.department().isBlank()) {
            throw new InvalidInputException("department", "name the department the document belongs to");
        }
        record Outcome(boolean moved, FilingExample filed) {
        }
        Outcome outcome = unitOfWork.call(() -> {
            Document document = documents.find(documentId)
                    .orElseThrow(() -> new NotFoundException("no document " + documentId));
            Department target = departments.findByCode(handover.department().strip())
                    .orElseThrow(() -> new InvalidInputException("department", "no department " + handover.department()));
            CaseFile caseFile = null;
            if (handover.caseFile() != null && !handover.caseFile().isBlank()) {
                caseFile = caseFile(handover.caseFile())
                        .filter(c -> c.department().code().equals(target.code()))
                        .orElseThrow(() -> new InvalidInputException("caseFile", "department " + target.code()
                                + " has no case file " + handover.caseFile().strip()));
                if (caseFile.closedOn().isPresent()) {
                    throw new InvalidInputException("caseFile", "case file " + caseFile.fileReference()
                            + " is closed; reopen it first");
                }
            }
            String from = document.department().code();
            boolean moved = !from.equals(target.code());
            document.moveTo(target);
            if (caseFile != null) {
                document.fileInto(caseFile, null);
            }
            FilingExample filed = null;
            if (caseFile != null && document.documentType().isPresent()) {
                document.filedByPerson();
                filed = examples.of(document);
            } else if (moved) {
                // a person chose the department; type and case file wait in the new department's inbox
                document.classified(Map.of(), FilingState.REVIEW);
            }
            document.routed();
            String how = (moved ? "handed over from " + from + " to " + target.code() : "kept in " + from)
                    + (caseFile != null ? ", case file " + caseFile.fileReference() : "") + ": " + reason;
            requests.openFor(documentId).forEach(r -> r.resolve(caller.username(), clock.now(), how));
            indexOutbox.enqueue(document.id());
            audit.record(caller.username(), AuditAction.UPDATE_METADATA, "document", Long.toString(documentId), how);
            return new Outcome(moved, filed);
        });
        if (outcome.filed() != null) {
            classifier.learn(outcome.filed());
        } else if (outcome.moved()) {
            // it no longer votes in the department it left; it is learned again when someone files it there
            classifier.forget(documentId);
        }
        return unitOfWork.call(() -> DocumentView.of(documents.find(documentId).orElseThrow()));
    }

    private RoutingRequestView toView(RoutingRequest request) {
        Optional<Document> document = documents.find(request.documentId());
        return new RoutingRequestView(request.id(), request.documentId(), document.map(Document::title).orElse(""),
                document.map(d -> d.department().code()).orElse(""), request.cause().name(), request.detail(),
                request.createdAt());
    }

    private Optional<CaseFile> caseFile(String reference) {
        try {
            return caseFiles.findByReference(new FileReference(reference));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

}
