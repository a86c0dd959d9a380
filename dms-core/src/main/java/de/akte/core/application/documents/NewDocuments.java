package de.akte.core.application.documents;

import de.akte.core.audit.AuditAction;
import de.akte.core.audit.AuditTrail;
import de.akte.core.document.ContentDescriptor;
import de.akte.core.document.Document;
import de.akte.core.document.DocumentRepository;
import de.akte.core.document.DocumentVersion;
import de.akte.core.document.FileName;
import de.akte.core.processing.ProcessingQueue;
import de.akte.core.security.Caller;
import de.akte.core.shared.Clock;

import java.time.LocalDate;

/**
 * Records a new document for content already stored: where it belongs, its first version, its processing task and
 * its audit entry, in the caller's unit of work.
 */
public class NewDocuments {

    private final DocumentRepository documents;
    private final DocumentPlacement placement;
    private final ProcessingQueue queue;
    private final AuditTrail audit;
    private final Clock clock;

    public NewDocuments(DocumentRepository documents, DocumentPlacement placement, ProcessingQueue queue,
                        AuditTrail audit, Clock clock) {
        this.documents = documents;
        this.placement = placement;
        this.queue = queue;
        this.audit = audit;
        this.clock = clock;
    }

    /** See {@link DocumentIntake#create}. */
    long create(Caller caller, NewDocument request, LocalDate documentDate, ContentDescriptor stored, String origin,
                Provenance provenance) {
        DocumentIntake.requireContributor(caller);
        FileName fileName = IncomingContent.fileName(request.fileName());
        String title = DocumentTexts.optional(request.title(), "title", 500);
        String documentType = DocumentTexts.optional(request.documentType(), "documentType", 100);
        DocumentPlacement.Place p = placement.place(caller, request.caseFile(), request.department());
        Document document = new Document(title != null ? title : fileName.baseName(), p.department(),
                p.caseFile(), provenance.process(), documentType, clock.now(), caller.username());
        if (documentDate != null) {
            document.dateAs(documentDate);
        }
        if (provenance.takenFrom() != null) {
            document.cutFrom(provenance.takenFrom());
        }
        DocumentVersion version = document.addVersion(stored, clock.now(), caller.username());
        version.describe(provenance.metadata());
        documents.add(document);
        queue.enqueue(document, version);
        audit.record(caller.username(), AuditAction.CREATE, "document", document.id().toString(),
                "title=" + document.title() + "; version=1; sha256=" + stored.sha256()
                        + "; department=" + p.department().code()
                        + (p.caseFile() != null ? "; caseFile=" + p.caseFile().fileReference() : "")
                        + (origin != null ? "; " + origin : ""));
        return document.id();
    }
}
