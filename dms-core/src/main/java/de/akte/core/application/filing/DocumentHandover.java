package de.akte.core.application.filing;

import de.akte.core.application.documents.DocumentChanges;
import de.akte.core.application.documents.DocumentPlacement;
import de.akte.core.application.documents.DocumentView;
import de.akte.core.casefile.CaseFile;
import de.akte.core.classification.FilingExample;
import de.akte.core.department.Department;
import de.akte.core.document.Document;
import de.akte.core.document.DocumentRepository;
import de.akte.core.document.FilingState;
import de.akte.core.security.Access;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.shared.NotFoundException;
import de.akte.core.shared.UnitOfWork;

import java.util.Map;

/**
 * A records officer or administrator hands a document over to the department it belongs to (or keeps it where it
 * is), which answers the registry's open questions about it; the classifier follows the move.
 */
public class DocumentHandover {

    private final UnitOfWork unitOfWork;
    private final DocumentRepository documents;
    private final DocumentPlacement placement;
    private final RegistryQuestions questions;
    private final ClassifierTraining training;
    private final DocumentChanges changes;

    public DocumentHandover(UnitOfWork unitOfWork, DocumentRepository documents, DocumentPlacement placement,
                            RegistryQuestions questions, ClassifierTraining training, DocumentChanges changes) {
        this.unitOfWork = unitOfWork;
        this.documents = documents;
        this.placement = placement;
        this.questions = questions;
        this.training = training;
        this.changes = changes;
    }

    /** See {@link RoutingDesk#handOver}. */
    DocumentView handOver(Caller caller, long documentId, Handover handover) {
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
            Department target = placement.anyDepartment(handover.department().strip())
                    .orElseThrow(() -> new InvalidInputException("department", "no department " + handover.department()));
            CaseFile caseFile = null;
            if (handover.caseFile() != null && !handover.caseFile().isBlank()) {
                caseFile = placement.anyCaseFile(handover.caseFile())
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
                filed = training.example(document);
            } else if (moved) {
                // a person chose the department; type and case file wait in the new department's inbox
                document.classified(Map.of(), FilingState.REVIEW);
            }
            document.routed();
            String how = (moved ? "handed over from " + from + " to " + target.code() : "kept in " + from)
                    + (caseFile != null ? ", case file " + caseFile.fileReference() : "") + ": " + reason;
            questions.answerAll(documentId, caller.username(), how);
            changes.metadataChanged(caller.username(), document, how);
            return new Outcome(moved, filed);
        });
        if (outcome.filed() != null) {
            training.learn(outcome.filed());
        } else if (outcome.moved()) {
            // it no longer votes in the department it left; it is learned again when someone files it there
            training.forget(documentId);
        }
        return unitOfWork.call(() -> DocumentView.of(documents.find(documentId).orElseThrow()));
    }
}
