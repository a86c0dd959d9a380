package de.akte.core.application.records;

import de.akte.core.audit.AuditAction;
import de.akte.core.audit.AuditTrail;
import de.akte.core.casefile.CaseFile;
import de.akte.core.casefile.CaseFileRepository;
import de.akte.core.disposition.ApprovedVersion;
import de.akte.core.disposition.CertifiedVersion;
import de.akte.core.disposition.DestructionCertificate;
import de.akte.core.disposition.Disposal;
import de.akte.core.disposition.DisposalItem;
import de.akte.core.disposition.DisposalRepository;
import de.akte.core.disposition.PendingBlobDeletion;
import de.akte.core.document.Document;
import de.akte.core.document.DocumentRepository;
import de.akte.core.document.DocumentVersion;
import de.akte.core.indexing.IndexOutbox;
import de.akte.core.shared.Clock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removes a case file with its documents from the database in the caller's transaction, leaving a destruction
 * certificate of exactly the approved versions and a persisted list of blobs to remove from storage.
 */
public class RecordDestruction {

    private final DisposalRepository disposals;
    private final CaseFileRepository caseFiles;
    private final DocumentRepository documents;
    private final IndexOutbox indexOutbox;
    private final ApprovedContents approved;
    private final AuditTrail audit;
    private final Clock clock;

    public RecordDestruction(DisposalRepository disposals, CaseFileRepository caseFiles, DocumentRepository documents,
                             IndexOutbox indexOutbox, ApprovedContents approved, AuditTrail audit, Clock clock) {
        this.disposals = disposals;
        this.caseFiles = caseFiles;
        this.documents = documents;
        this.indexOutbox = indexOutbox;
        this.approved = approved;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Removes one case file with its documents inside the current unit of work and certifies exactly
     * the approved versions; returns the removed document ids. Used by destruction and after an
     * archive's appraisal or confirmation. Refuses a file that changed since the approval.
     */
    List<Long> destroy(Disposal disposal, DisposalItem item, CaseFile c, String executedBy, String outcome) {
        approved.requireUnchanged(disposal, item, c);
        List<Document> docs = documents.findInCaseFile(c);
        Map<String, DocumentVersion> current = new HashMap<>();
        Set<String> blobIds = new LinkedHashSet<>();
        for (Document d : docs) {
            for (DocumentVersion v : d.versions()) {
                current.put(d.id() + "/" + v.number(), v);
                blobIds.add(v.sha256());
                v.renditionSha256().ifPresent(blobIds::add);
            }
        }
        // an approval from before approvals fixed the contents has no list: it covers what is there
        List<ApprovedVersion> versions = item.approvedFingerprint().isPresent()
                ? disposal.approvedVersions(c.id()) : approved.contentsOf(c).versions();
        List<CertifiedVersion> certified = new ArrayList<>();
        for (ApprovedVersion v : versions) {
            DocumentVersion now = current.get(v.documentId() + "/" + v.versionNumber());
            certified.add(new CertifiedVersion(v.documentId(), v.documentTitle(), v.versionNumber(), v.fileName(),
                    v.sha256(), now == null ? null : now.renditionSha256().orElse(null)));
        }
        DestructionCertificate certificate = new DestructionCertificate(disposal.id(), c.id(),
                c.fileReference().value(), c.title(), c.department().code(), item.disposalDate(), item.legalBasis(),
                disposal.proposedBy(), disposal.decidedBy().orElseThrow(), executedBy, clock.now(), outcome, certified);
        disposals.add(certificate);
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
        for (String sha : blobIds) {
            // deduplicated content another record still uses must stay
            if (!documents.isBlobReferenced(sha) && disposals.findPending(sha).isEmpty()) {
                disposals.add(new PendingBlobDeletion(sha, clock.now()));
            }
        }
        return removed;
    }
}
