package de.akte.core.application.records;

import de.akte.core.audit.AuditAction;
import de.akte.core.audit.AuditTrail;
import de.akte.core.casefile.CaseFile;
import de.akte.core.casefile.CaseFileRepository;
import de.akte.core.disposition.DestructionCertificate;
import de.akte.core.disposition.Disposal;
import de.akte.core.disposition.DisposalItem;
import de.akte.core.document.Document;
import de.akte.core.document.DocumentRepository;
import de.akte.core.indexing.IndexOutbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Removes a case file with its documents from the database in the caller's transaction, leaving a destruction
 * certificate of exactly the approved versions and a persisted list of blobs to remove from storage; after the
 * transaction the blobs go (see {@link DestroyedContent}).
 */
public class RecordDestruction {

    private final CaseFileRepository caseFiles;
    private final DocumentRepository documents;
    private final IndexOutbox indexOutbox;
    private final DestructionRecords records;
    private final DestroyedContent destroyed;
    private final AuditTrail audit;

    public RecordDestruction(CaseFileRepository caseFiles, DocumentRepository documents, IndexOutbox indexOutbox,
                             DestructionRecords records, DestroyedContent destroyed, AuditTrail audit) {
        this.caseFiles = caseFiles;
        this.documents = documents;
        this.indexOutbox = indexOutbox;
        this.records = records;
        this.destroyed = destroyed;
        this.audit = audit;
    }

    /**
     * Removes one case file with its documents inside the current unit of work and certifies exactly
     * the approved versions; returns the removed document ids. Used by destruction and after an
     * archive's appraisal or confirmation. Refuses a file that changed since the approval.
     */
    List<Long> destroy(Disposal disposal, DisposalItem item, CaseFile c, String executedBy, String outcome) {
        List<Document> docs = documents.findInCaseFile(c);
        DestructionCertificate certificate = records.certify(disposal, item, c, docs, executedBy, outcome);
        Set<String> blobIds = RecordsProtection.blobsOf(docs);
        List<Long> removed = new ArrayList<>();
        for (Document d : docs) {
            long id = d.id();
            documents.remove(d);
            indexOutbox.enqueue(id);
            removed.add(id);
            audit.record(executedBy, AuditAction.DELETE, "document", Long.toString(id),
                    "destroyed with case file " + c.fileReference() + "; certificate " + certificate.id());
        }
        caseFiles.remove(c);
        audit.record(executedBy, AuditAction.DELETE, "caseFile", c.id().toString(),
                c.fileReference() + " destroyed (" + outcome + "); certificate " + certificate.id());
        records.deleteWhenUnused(blobIds);
        return removed;
    }

    /** After the destroying unit of work committed: removes what no record uses any more from storage. */
    void afterRemoval(List<Long> documentIds) {
        destroyed.afterRemoval(documentIds);
    }
}
