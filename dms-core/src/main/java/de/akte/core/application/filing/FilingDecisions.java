package de.akte.core.application.filing;

import de.akte.core.application.documents.DocumentChanges;
import de.akte.core.application.documents.DocumentPlacement;
import de.akte.core.application.documents.DocumentView;
import de.akte.core.casefile.CaseFile;
import de.akte.core.classification.FilingExample;
import de.akte.core.classification.Label;
import de.akte.core.classification.Prediction;
import de.akte.core.document.Document;
import de.akte.core.document.DocumentRepository;
import de.akte.core.security.Access;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.shared.NotFoundException;
import de.akte.core.shared.UnitOfWork;

import java.util.Map;

/** A clerk's filing: accepting or correcting what automation proposed, or filing by hand; the classifier learns it. */
public class FilingDecisions {

    private final UnitOfWork unitOfWork;
    private final DocumentRepository documents;
    private final DocumentPlacement placement;
    private final ClassifierTraining training;
    private final DocumentChanges changes;

    public FilingDecisions(UnitOfWork unitOfWork, DocumentRepository documents, DocumentPlacement placement,
                           ClassifierTraining training, DocumentChanges changes) {
        this.unitOfWork = unitOfWork;
        this.documents = documents;
        this.placement = placement;
        this.training = training;
        this.changes = changes;
    }

    /** A clerk accepts or corrects the filing of a document (the same call files a document by hand). */
    public DocumentView file(Caller caller, long documentId, FilingDecision decision) {
        Access.requireAnyRole(caller, Role.CLERK, Role.SCANNER, Role.RECORDS_OFFICER, Role.ADMIN);
        FilingExample example = unitOfWork.call(() -> {
            Document document = Access.visible(caller, documents.find(documentId)
                    .orElseThrow(() -> new NotFoundException("no document " + documentId)), documentId);
            Map<Label, Prediction> proposal = document.predictions();
            String caseFileRef = firstNonBlank(decision.caseFile(), value(proposal, Label.CASE_FILE));
            String departmentCode = firstNonBlank(decision.department(), value(proposal, Label.DEPARTMENT));
            String type = firstNonBlank(decision.documentType(), value(proposal, Label.DOCUMENT_TYPE));
            CaseFile target = null;
            if (caseFileRef != null) {
                target = placement.anyCaseFile(caseFileRef).filter(c -> caller.canSee(c.department().code()))
                        .orElseThrow(() -> new InvalidInputException("caseFile", "no case file " + caseFileRef));
                if (departmentCode != null && !departmentCode.equals(target.department().code())
                        && decision.department() != null) {
                    throw new InvalidInputException("department", "case file " + target.fileReference()
                            + " belongs to department " + target.department().code() + ", not " + departmentCode);
                }
                departmentCode = target.department().code();
            }
            if (departmentCode != null) {
                document.moveTo(placement.department(caller, departmentCode));
            }
            if (target != null) {
                document.fileInto(target, null);
            }
            if (type != null) {
                document.classifyAs(type);
            }
            boolean corrected = differs(proposal, Label.DOCUMENT_TYPE, type) || differs(proposal, Label.CASE_FILE,
                    caseFileRef) || differs(proposal, Label.DEPARTMENT, departmentCode);
            document.filedByPerson();
            changes.metadataChanged(caller.username(), document,
                    (corrected ? "filing corrected: " : "filing accepted: ") + "documentType=" + type
                            + "; department=" + document.department().code() + "; caseFile="
                            + document.caseFile().map(c -> c.fileReference().value()).orElse(""));
            return training.example(document);
        });
        training.learn(example);
        return unitOfWork.call(() -> DocumentView.of(documents.find(documentId).orElseThrow()));
    }

    private static String value(Map<Label, Prediction> proposal, Label label) {
        Prediction p = proposal.get(label);
        return p == null ? null : p.value();
    }

    private static boolean differs(Map<Label, Prediction> proposal, Label label, String chosen) {
        String proposed = value(proposal, label);
        return proposed != null && !proposed.equals(chosen);
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a.strip() : b;
    }
}
