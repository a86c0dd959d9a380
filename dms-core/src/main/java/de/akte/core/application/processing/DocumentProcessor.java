package de.akte.core.application.processing;

import de.akte.core.recognition.ContentRecognizer;
import de.akte.core.recognition.ReaderCrashedException;
import de.akte.core.recognition.Recognition;
import de.akte.core.recognition.RecognitionDeferredException;
import de.akte.core.recognition.RecognitionTimedOutException;
import de.akte.core.scanning.ScanUnfinishedException;
import de.akte.core.scanning.ScannerUnavailableException;
import de.akte.core.security.Caller;
import de.akte.core.shared.ConcurrentChangeException;
import de.akte.core.storage.StoredBlob;
import de.akte.core.text.QuarantinedContentException;
import de.akte.core.text.UnreadableContentException;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Works off the persistent processing queue: scans each accepted version for malware first (the one place every
 * intake path passes, so no file is read or parsed before it is scanned), then recognises each accepted version
 * (text, OCR word boxes, found fields, archival rendition), stores it page by page and marks the document ready,
 * or cuts a scanned batch into its documents. Each task is claimed with a lease, so a crash in the middle leaves
 * it to be picked up again; permanent problems end in FAILED with a reason. A file whose processing takes its
 * worker down again and again (an {@code Error}, a killed server) is set aside as QUARANTINED at the policy's crash
 * limit, and only an administrator's retry hands it out again ({@link TaskOutcomes}).
 */
public class DocumentProcessor {

    private static final Logger LOG = Logger.getLogger(DocumentProcessor.class.getName());

    private final TaskOutcomes outcomes;
    private final MalwareCheck malware;
    private final ContentRecognizer recognizer;
    private final RecognitionResults results;
    private final ScannedBatches batches;
    private final LocalCopies copies;

    public DocumentProcessor(TaskOutcomes outcomes, MalwareCheck malware, ContentRecognizer recognizer,
                             RecognitionResults results, ScannedBatches batches, LocalCopies copies) {
        this.outcomes = outcomes;
        this.malware = malware;
        this.recognizer = recognizer;
        this.results = results;
        this.batches = batches;
        this.copies = copies;
    }

    /**
     * Takes back the tasks this server held when it stopped (a crash, a kill): no worker of it runs yet, so they
     * are waiting for nobody and need not sit out their lease. Each counts as a crash of its task: a file that takes
     * the server down is set aside at the crash limit instead of being handed out after every restart. Returns how
     * many were taken back.
     */
    public int recoverAfterRestart() {
        return outcomes.recoverAfterRestart();
    }

    /** Processes up to {@code limit} due tasks, one after the other; returns how many were handled. */
    public int processDue(int limit) {
        int handled = 0;
        for (long id : outcomes.dueAfterLostWorkers(limit)) {
            if (process(id)) {
                handled++;
            }
        }
        return handled;
    }

    /** Claims and runs one task; false if another worker had it first. */
    public boolean process(long taskId) {
        Optional<ClaimedTask> claimed = outcomes.claim(taskId);
        if (claimed.isEmpty()) {
            return false;
        }
        ClaimedTask work = claimed.get();
        Path local = null;
        try {
            local = copies.copyOf(work.sha256());
            malware.scan(work, local);
            try (Recognition recognition = recognizer.recognize(local, work.fileName(), work.title())) {
                if (recognition.isBatch()) {
                    List<StoredBlob> parts = recognition.parts().stream().map(p -> copies.store(p.content())).toList();
                    batches.cut(work, recognition, parts);
                } else {
                    results.record(work, recognition);
                }
            }
        } catch (RecognitionDeferredException | ScannerUnavailableException e) {
            LOG.info(() -> "document " + work.documentId() + " waits: " + e.getMessage());
            outcomes.postponed(work, e.getMessage());
        } catch (RecognitionTimedOutException e) {
            LOG.warning(() -> "document " + work.documentId() + " version " + work.versionNumber()
                    + " timed out: " + e.getMessage());
            outcomes.timedOut(work, e.getMessage());
        } catch (ScanUnfinishedException e) {
            LOG.warning(() -> "document " + work.documentId() + " version " + work.versionNumber()
                    + " not scanned: " + e.getMessage());
            outcomes.scanUnfinished(work, e.getMessage());
        } catch (QuarantinedContentException e) {
            LOG.warning(() -> "document " + work.documentId() + " version " + work.versionNumber()
                    + " quarantined: " + e.getMessage());
            outcomes.quarantined(work, e.getMessage());
        } catch (UnreadableContentException e) {
            LOG.info(() -> "document " + work.documentId() + " version " + work.versionNumber()
                    + " cannot be read: " + e.getMessage());
            outcomes.unreadable(work, e.getMessage());
        } catch (ReaderCrashedException e) {
            // the file's reader process died with it, the worker did not: still a crash of this file, counted alike
            outcomes.readerCrashed(work, e.getMessage());
            LOG.warning(() -> "document " + work.documentId() + " version " + work.versionNumber()
                    + " stopped its reader: " + e.getMessage());
        } catch (Error e) {
            // the worker boundary: an OutOfMemoryError, a StackOverflowError in a parser, a missing class must neither
            // end the worker thread nor leave the task claimed until its lease runs out; it counts as a crash
            String cause = e.getClass().getSimpleName() + " while processing it";
            // the count first: after an OutOfMemoryError even a log line may fail, and the count is what stops a loop
            outcomes.workerCrashed(work, cause);
            LOG.severe(() -> "processing document " + work.documentId() + " version " + work.versionNumber()
                    + " stopped its worker: " + e + where(e));
        } catch (Exception e) {
            // internals go to the log and the task; the document's reason is a sentence for a clerk
            String reason = describe(e);
            String incident = Long.toString(System.nanoTime() & 0xFFFFFF, 36).toUpperCase(Locale.ROOT);
            LOG.log(Level.WARNING, "processing document " + work.documentId() + " failed (incident " + incident
                    + "): " + reason, e);
            outcomes.failedInternally(work, reason, incident, e instanceof ConcurrentChangeException);
        } finally {
            LocalCopies.delete(local);
        }
        return true;
    }

    /**
     * An administrator puts a failed or set-aside document back into the queue; a set-aside task starts again with
     * a clean crash count.
     */
    public void retry(Caller caller, long documentId) {
        outcomes.retry(caller, documentId);
    }

    // a StackOverflowError carries a thousand identical frames: the first few say where it looped
    private static String where(Throwable e) {
        StringBuilder frames = new StringBuilder();
        StackTraceElement[] trace = e.getStackTrace();
        for (int i = 0; i < Math.min(12, trace.length); i++) {
            frames.append("\n\tat ").append(trace[i]);
        }
        return frames.toString();
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
