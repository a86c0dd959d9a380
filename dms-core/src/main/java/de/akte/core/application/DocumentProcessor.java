package de.akte.core.application;

import de.akte.core.audit.AuditAction;
import de.akte.core.audit.AuditTrail;
import de.akte.core.document.Document;
import de.akte.core.document.DocumentRepository;
import de.akte.core.document.DocumentVersion;
import de.akte.core.indexing.IndexOutbox;
import de.akte.core.processing.ProcessingState;
import de.akte.core.processing.ProcessingTask;
import de.akte.core.processing.ProcessingTaskRepository;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.Clock;
import de.akte.core.shared.NotFoundException;
import de.akte.core.shared.UnitOfWork;
import de.akte.core.storage.BlobId;
import de.akte.core.storage.BlobStore;
import de.akte.core.text.ExtractedText;
import de.akte.core.text.TextExtractor;
import de.akte.core.text.UnreadableContentException;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Works off the persistent processing queue: extracts each accepted version's text, stores it
 * page by page and marks the document ready. Each task is claimed with a lease, so a crash in
 * the middle leaves it to be picked up again; permanent problems end in FAILED with a reason.
 */
public class DocumentProcessor {

    private static final Logger LOG = Logger.getLogger(DocumentProcessor.class.getName());

    private final UnitOfWork unitOfWork;
    private final ProcessingTaskRepository tasks;
    private final DocumentRepository documents;
    private final IndexOutbox indexOutbox;
    private final BlobStore blobs;
    private final TextExtractor extractor;
    private final AuditTrail audit;
    private final Clock clock;
    private final ProcessingPolicy policy;

    public DocumentProcessor(UnitOfWork unitOfWork, ProcessingTaskRepository tasks, DocumentRepository documents,
                             IndexOutbox indexOutbox, BlobStore blobs, TextExtractor extractor, AuditTrail audit,
                             Clock clock, ProcessingPolicy policy) {
        this.unitOfWork = unitOfWork;
        this.tasks = tasks;
        this.documents = documents;
        this.indexOutbox = indexOutbox;
        this.blobs = blobs;
        this.extractor = extractor;
        this.audit = audit;
        this.clock = clock;
        this.policy = policy;
    }

    /** Processes up to {@code limit} due tasks, one after the other; returns how many were handled. */
    public int processDue(int limit) {
        Instant now = clock.now();
        int released = unitOfWork.call(() -> tasks.releaseExpiredLeases(now));
        if (released > 0) {
            LOG.info(() -> released + " processing task(s) whose worker stopped were put back in the queue");
        }
        List<Long> due = unitOfWork.call(() -> tasks.dueIds(now, limit));
        int handled = 0;
        for (long id : due) {
            if (process(id)) {
                handled++;
            }
        }
        return handled;
    }

    private record Claimed(long taskId, long documentId, long versionId, int versionNumber, String sha256,
                           String fileName) {
    }

    /** Claims and runs one task; false if another worker had it first. */
    public boolean process(long taskId) {
        Instant now = clock.now();
        Claimed work = unitOfWork.call(() -> {
            if (!tasks.tryClaim(taskId, now, now.plus(policy.lease()))) {
                return null;
            }
            ProcessingTask task = tasks.find(taskId).orElseThrow();
            Document document = documents.find(task.documentId()).orElseThrow();
            DocumentVersion version = document.version(task.versionNumber()).orElseThrow();
            if (document.currentVersion() == version.number()) {
                document.startProcessing();
            }
            return new Claimed(taskId, document.id(), version.id(), version.number(), version.sha256(),
                    version.fileName());
        });
        if (work == null) {
            return false;
        }
        try (InputStream in = blobs.open(new BlobId(work.sha256()))) {
            ExtractedText text = extractor.extract(in, work.fileName());
            unitOfWork.run(() -> {
                Document document = documents.find(work.documentId()).orElseThrow();
                DocumentVersion version = document.version(work.versionNumber()).orElseThrow();
                documents.replacePages(work.versionId(), text.pages());
                version.recordRecognition(text.mediaType(), text.pages().size(), text.metadata());
                if (document.currentVersion() == version.number()) {
                    document.markReady();
                }
                tasks.find(work.taskId()).orElseThrow().complete(clock.now());
                indexOutbox.enqueue(document.id());
            });
        } catch (UnreadableContentException e) {
            LOG.info(() -> "document " + work.documentId() + " version " + work.versionNumber()
                    + " cannot be read: " + e.getMessage());
            unitOfWork.run(() -> {
                tasks.find(work.taskId()).orElseThrow().giveUp(e.getMessage(), clock.now());
                failIfCurrent(work, e.getMessage());
            });
        } catch (Exception e) {
            String reason = describe(e);
            LOG.log(Level.WARNING, "processing document " + work.documentId() + " failed: " + reason, e);
            unitOfWork.run(() -> {
                ProcessingTask task = tasks.find(work.taskId()).orElseThrow();
                boolean again = task.retryLater(reason, clock.now(), policy.firstBackoff(), policy.maxAttempts());
                if (again) {
                    awaitIfCurrent(work, "processing will be retried: " + reason);
                } else {
                    failIfCurrent(work, "processing failed after " + task.attempts() + " attempts: " + reason);
                }
            });
        }
        return true;
    }

    /** An administrator puts a failed document back into the queue. */
    public void retry(Caller caller, long documentId) {
        Access.requireAnyRole(caller, Role.ADMIN);
        unitOfWork.run(() -> {
            Document document = documents.find(documentId).orElseThrow(() -> new NotFoundException("no document " + documentId));
            List<ProcessingTask> failed = tasks.forDocument(documentId).stream()
                    .filter(t -> t.state() == ProcessingState.FAILED).toList();
            if (failed.isEmpty()) {
                throw new de.akte.core.shared.ConflictException("document " + documentId + " has no failed processing to retry");
            }
            failed.forEach(t -> t.requeue(clock.now()));
            document.awaitProcessing("retry requested by " + caller.username());
            audit.record(caller.username(), AuditAction.ADMIN, "document", Long.toString(documentId),
                    "processing retried");
        });
    }

    private void failIfCurrent(Claimed work, String reason) {
        Document document = documents.find(work.documentId()).orElseThrow();
        if (document.currentVersion() == work.versionNumber()) {
            document.fail(reason);
            indexOutbox.enqueue(document.id());
        }
    }

    private void awaitIfCurrent(Claimed work, String reason) {
        Document document = documents.find(work.documentId()).orElseThrow();
        if (document.currentVersion() == work.versionNumber()) {
            document.awaitProcessing(reason);
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
