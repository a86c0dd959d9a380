package de.akte.core.application.documents;

import de.akte.core.audit.AuditAction;
import de.akte.core.audit.AuditTrail;
import de.akte.core.document.Document;
import de.akte.core.indexing.IndexOutbox;

/**
 * What every change of a document's metadata brings with it, inside the change's unit of work: the search index
 * learns the document again and the audit trail records who changed what.
 */
public class DocumentChanges {

    private final IndexOutbox indexOutbox;
    private final AuditTrail audit;

    public DocumentChanges(IndexOutbox indexOutbox, AuditTrail audit) {
        this.indexOutbox = indexOutbox;
        this.audit = audit;
    }

    /** Records a change of the document's metadata by {@code actor}, a username or a system actor's name. */
    public void metadataChanged(String actor, Document document, String details) {
        indexOutbox.enqueue(document.id());
        audit.record(actor, AuditAction.UPDATE_METADATA, "document", document.id().toString(), details);
    }
}
