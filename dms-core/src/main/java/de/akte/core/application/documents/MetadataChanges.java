package de.akte.core.application.documents;

import de.akte.core.casefile.CaseFile;
import de.akte.core.casefile.CaseFileClosedException;
import de.akte.core.document.Document;
import de.akte.core.document.DocumentRepository;
import de.akte.core.security.Access;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.ConflictException;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.shared.NotFoundException;
import de.akte.core.shared.UnitOfWork;

import java.util.ArrayList;
import java.util.List;

/** Changing a document's title, type, date or case file; audited and re-indexed in the same transaction. */
public class MetadataChanges {

    private final UnitOfWork unitOfWork;
    private final DocumentRepository documents;
    private final DocumentPlacement placement;
    private final DocumentChanges changes;

    public MetadataChanges(UnitOfWork unitOfWork, DocumentRepository documents, DocumentPlacement placement,
                           DocumentChanges changes) {
        this.unitOfWork = unitOfWork;
        this.documents = documents;
        this.placement = placement;
        this.changes = changes;
    }

    /** Changes title, type, date or case file; audited and re-indexed in the same transaction. */
    public DocumentView change(Caller caller, long documentId, MetadataChange change) {
        Access.requireAnyRole(caller, Role.CLERK, Role.RECORDS_OFFICER, Role.ADMIN);
        String title = DocumentTexts.optional(change.title(), "title", 500);
        String documentType = change.documentType() == null ? null : DocumentTexts.documentType(change.documentType());
        return unitOfWork.call(() -> {
            Document document = documents.find(documentId)
                    .orElseThrow(() -> new NotFoundException("no document " + documentId));
            Access.visible(caller, document, documentId);
            List<String> changed = new ArrayList<>();
            if (title != null && !title.equals(document.title())) {
                changed.add("title: " + document.title() + " -> " + title);
                document.retitle(title);
            }
            if (documentType != null && !documentType.equals(document.documentType().orElse(""))) {
                changed.add("documentType: " + document.documentType().orElse("") + " -> " + documentType);
                document.classifyAs(documentType);
            }
            if (change.documentDate() != null && !change.documentDate().equals(document.documentDate().orElse(null))) {
                changed.add("documentDate: " + document.documentDate().map(Object::toString).orElse("") + " -> "
                        + change.documentDate());
                document.dateAs(change.documentDate());
            }
            if (change.caseFile() != null) {
                CaseFile target = change.caseFile().isBlank() ? null : placement.caseFile(caller, change.caseFile());
                String before = document.caseFile().map(c -> c.fileReference().value()).orElse("");
                String after = target == null ? "" : target.fileReference().value();
                if (!before.equals(after)) {
                    try {
                        document.fileInto(target, null);
                    } catch (CaseFileClosedException e) {
                        // a closed file is a state the clerk can change (reopen it), not a wrong input
                        throw e;
                    } catch (ConflictException e) {
                        throw new InvalidInputException("caseFile", e.getMessage());
                    }
                    changed.add("caseFile: " + before + " -> " + after);
                }
            }
            if (!changed.isEmpty()) {
                changes.metadataChanged(caller.username(), document, String.join("; ", changed));
            }
            return DocumentView.of(document);
        });
    }
}
