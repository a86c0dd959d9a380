package de.akte.core.application.records;

import de.akte.core.casefile.CaseFile;
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
import de.akte.core.shared.Clock;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a destruction leaves behind: a certificate of exactly the approved versions, and the list of blobs to remove
 * from storage once no record uses them any more.
 */
public class DestructionRecords {

    private final DisposalRepository disposals;
    private final DocumentRepository documents;
    private final ApprovedContents approved;
    private final Clock clock;

    public DestructionRecords(DisposalRepository disposals, DocumentRepository documents, ApprovedContents approved,
                              Clock clock) {
        this.disposals = disposals;
        this.documents = documents;
        this.approved = approved;
        this.clock = clock;
    }

    /**
     * Certifies the destruction of the case file with its documents (inside a unit of work); refuses a file that
     * changed since the approval.
     */
    DestructionCertificate certify(Disposal disposal, DisposalItem item, CaseFile c, List<Document> docs,
                                   String executedBy, String outcome) {
        approved.requireUnchanged(disposal, item, c);
        Map<String, DocumentVersion> current = new HashMap<>();
        for (Document d : docs) {
            for (DocumentVersion v : d.versions()) {
                current.put(d.id() + "/" + v.number(), v);
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
        return certificate;
    }

    /** Lists the blobs for removal from storage that no remaining record uses (inside a unit of work). */
    void deleteWhenUnused(Collection<String> sha256s) {
        for (String sha : sha256s) {
            // deduplicated content another record still uses must stay
            if (!documents.isBlobReferenced(sha) && disposals.findPending(sha).isEmpty()) {
                disposals.add(new PendingBlobDeletion(sha, clock.now()));
            }
        }
    }
}
