package de.akte.core.application.processing;

import de.akte.core.document.Document;
import de.akte.core.document.DocumentRepository;
import de.akte.core.document.DocumentVersion;
import de.akte.core.indexing.IndexOutbox;
import de.akte.core.processing.ProcessingTask;
import de.akte.core.shared.NotFoundException;

/**
 * What the processing of a version shows on its document: in progress, waiting, failed or quarantined. Only the
 * current version speaks for its document (an older one's outcome changes nothing the clerk sees); a document that
 * fails or is quarantined is indexed again, so the search shows its new status. All inside a unit of work.
 */
public class DocumentProgress {

    private final DocumentRepository documents;
    private final IndexOutbox indexOutbox;

    public DocumentProgress(DocumentRepository documents, IndexOutbox indexOutbox) {
        this.documents = documents;
        this.indexOutbox = indexOutbox;
    }

    /** The document by id; an unknown one is not found. */
    Document document(long documentId) {
        return documents.find(documentId).orElseThrow(() -> new NotFoundException("no document " + documentId));
    }

    /** A worker took the task: its version is being processed now. */
    ClaimedTask started(long taskId, ProcessingTask task) {
        Document document = documents.find(task.documentId()).orElseThrow();
        DocumentVersion version = document.version(task.versionNumber()).orElseThrow();
        if (document.currentVersion() == version.number()) {
            document.startProcessing();
        }
        return new ClaimedTask(taskId, document.id(), version.id(), version.number(), version.sha256(),
                version.fileName(), document.title(), version.malwareScan());
    }

    void awaitIfCurrent(long documentId, int versionNumber, String reason) {
        Document document = documents.find(documentId).orElseThrow();
        if (document.currentVersion() == versionNumber) {
            document.awaitProcessing(reason);
        }
    }

    void failIfCurrent(long documentId, int versionNumber, String reason) {
        Document document = documents.find(documentId).orElseThrow();
        if (document.currentVersion() == versionNumber) {
            document.fail(reason);
            indexOutbox.enqueue(document.id());
        }
    }

    void quarantineIfCurrent(long documentId, int versionNumber, String reason) {
        Document document = documents.find(documentId).orElseThrow();
        if (document.currentVersion() == versionNumber) {
            document.quarantine(reason);
            indexOutbox.enqueue(document.id());
        }
    }
}
