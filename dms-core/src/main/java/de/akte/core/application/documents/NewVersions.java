package de.akte.core.application.documents;

import de.akte.core.audit.AuditAction;
import de.akte.core.audit.AuditTrail;
import de.akte.core.document.ContentDescriptor;
import de.akte.core.document.Document;
import de.akte.core.document.DocumentRepository;
import de.akte.core.document.DocumentVersion;
import de.akte.core.document.FileName;
import de.akte.core.processing.ProcessingQueue;
import de.akte.core.security.Access;
import de.akte.core.security.Caller;
import de.akte.core.shared.Clock;
import de.akte.core.shared.NotFoundException;
import de.akte.core.shared.UnitOfWork;

import java.io.InputStream;

/** New versions of a document: stored before the database learns of them; the earlier versions stay untouched. */
public class NewVersions {

    private final UnitOfWork unitOfWork;
    private final DocumentRepository documents;
    private final IncomingContent content;
    private final ProcessingQueue queue;
    private final AuditTrail audit;
    private final Clock clock;

    public NewVersions(UnitOfWork unitOfWork, DocumentRepository documents, IncomingContent content,
                       ProcessingQueue queue, AuditTrail audit, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.documents = documents;
        this.content = content;
        this.queue = queue;
        this.audit = audit;
        this.clock = clock;
    }

    /** Adds a new version to a document; the earlier versions stay untouched. */
    VersionView addVersion(Caller caller, long documentId, String rawFileName, InputStream bytes) {
        DocumentIntake.requireContributor(caller);
        FileName fileName = IncomingContent.fileName(rawFileName);
        // refused before the bytes are stored: a document in a closed (zdA) case file takes no new version
        unitOfWork.run(() -> visibleDocument(caller, documentId).caseFile()
                .ifPresent(c -> c.requireOpen("its documents take no new versions")));
        ContentDescriptor accepted = content.accept(bytes, fileName);
        VersionView view = unitOfWork.call(() -> {
            Document document = visibleDocument(caller, documentId);
            DocumentVersion version = document.addVersion(accepted, clock.now(), caller.username());
            documents.add(version);
            queue.enqueue(document, version);
            audit.record(caller.username(), AuditAction.NEW_VERSION, "document", document.id().toString(),
                    "version=" + version.number() + "; sha256=" + version.sha256());
            return VersionView.of(version);
        });
        queue.workCommitted();
        return view;
    }

    private Document visibleDocument(Caller caller, long id) {
        Document document = documents.find(id).orElseThrow(() -> new NotFoundException("no document " + id));
        return Access.visible(caller, document, id);
    }
}
