package de.akte.core.application.records;

import de.akte.core.classification.Classifier;
import de.akte.core.disposition.DisposalRepository;
import de.akte.core.disposition.PendingBlobDeletion;
import de.akte.core.document.DocumentRepository;
import de.akte.core.recognition.PageImages;
import de.akte.core.security.Access;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.UnitOfWork;
import de.akte.core.storage.BlobId;
import de.akte.core.storage.BlobStore;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What is left of destroyed records outside the database once their removal committed: blobs in storage, cached
 * page images, the classifier's examples. What the storage refuses (or a crash interrupts) stays on the pending
 * list to be retried: never a half-deleted record.
 */
public class DestroyedContent {

    private static final Logger LOG = Logger.getLogger(DestroyedContent.class.getName());
    private static final int MAX_PAGE = 500;

    private final UnitOfWork unitOfWork;
    private final DisposalRepository disposals;
    private final DocumentRepository documents;
    private final BlobStore blobs;
    private final PageImages pageImages;
    private final Classifier classifier;

    public DestroyedContent(UnitOfWork unitOfWork, DisposalRepository disposals, DocumentRepository documents,
                            BlobStore blobs, PageImages pageImages, Classifier classifier) {
        this.unitOfWork = unitOfWork;
        this.disposals = disposals;
        this.documents = documents;
        this.blobs = blobs;
        this.pageImages = pageImages;
        this.classifier = classifier;
    }

    /** After the removal committed: storage, page cache and the classifier's examples. */
    void afterRemoval(List<Long> documentIds) {
        for (long id : documentIds) {
            try {
                classifier.forget(id);
            } catch (RuntimeException e) {
                // the classifier can be rebuilt from the records, which no longer hold the document
                LOG.log(Level.WARNING, "the classifier could not forget destroyed document " + id
                        + "; rebuild it to drop the example", e);
            }
        }
        try {
            retryBlobDeletions();
        } catch (RuntimeException e) {
            // the records are gone and certified; their blobs stay on the pending list for the next run
            LOG.log(Level.WARNING, "blobs of destroyed records stay pending", e);
        }
    }

    /**
     * Deletes the blobs waiting on the pending list; a blob a record refers to again (the same
     * content uploaded meanwhile) is kept. Returns how many are still pending.
     */
    // one run at a time in this server: the hourly job and an execution may overlap
    public synchronized int retryBlobDeletions() {
        List<PendingBlobDeletion> pending = unitOfWork.call(() -> disposals.pendingBlobDeletions(MAX_PAGE));
        int left = 0;
        for (PendingBlobDeletion p : pending) {
            String sha = p.sha256();
            boolean referenced = unitOfWork.call(() -> documents.isBlobReferenced(sha));
            String error = null;
            if (!referenced) {
                try {
                    blobs.delete(new BlobId(sha));
                    pageImages.forget(sha);
                } catch (RuntimeException e) {
                    error = e.getMessage();
                    LOG.log(Level.WARNING, "blob " + sha + " of a destroyed record could not be deleted yet", e);
                }
            }
            String failure = error;
            try {
                unitOfWork.run(() -> disposals.findPending(sha).ifPresent(row -> {
                    if (failure == null) {
                        disposals.remove(row);
                    } else {
                        row.failed(failure);
                    }
                }));
            } catch (RuntimeException e) {
                // e.g. another run removed the row meanwhile; the list is consulted again next time
                LOG.log(Level.WARNING, "could not update the pending deletion of blob " + sha, e);
            }
            if (failure != null) {
                left++;
            }
        }
        return left;
    }

    /** Blobs still waiting to be removed from storage (e.g. refused while their retention runs). */
    public List<String> pendingBlobDeletions(Caller caller) {
        Access.requireAnyRole(caller, Role.RECORDS_OFFICER, Role.ADMIN);
        return unitOfWork.call(() -> disposals.pendingBlobDeletions(MAX_PAGE).stream()
                .map(PendingBlobDeletion::sha256).toList());
    }
}
