package de.akte.core.application.processing;

import de.akte.core.application.filing.RoutingDesk;
import de.akte.core.security.Access;
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
import de.akte.core.shared.ConcurrentChangeException;
import de.akte.core.shared.NotFoundException;
import de.akte.core.shared.UnitOfWork;
import de.akte.core.storage.BlobId;
import de.akte.core.storage.BlobStore;
import de.akte.core.casefile.CaseFile;
import de.akte.core.casefile.CaseFileRepository;
import de.akte.core.casefile.DepartmentReferences;
import de.akte.core.casefile.ReferenceResolution;
import de.akte.core.routing.RoutingCause;
import de.akte.core.document.ContentDescriptor;
import de.akte.core.document.FieldOccurrence;
import de.akte.core.document.FileName;
import de.akte.core.processing.ProcessingTrigger;
import de.akte.core.processing.RecognitionListener;
import de.akte.core.recognition.BatchPart;
import de.akte.core.recognition.ContentRecognizer;
import de.akte.core.recognition.Recognition;
import de.akte.core.recognition.RecognitionDeferredException;
import de.akte.core.recognition.ReaderCrashedException;
import de.akte.core.scanning.MalwareScan;
import de.akte.core.scanning.MalwareScanner;
import de.akte.core.scanning.ScanVerdict;
import de.akte.core.scanning.ScannerUnavailableException;
import de.akte.core.storage.StoredBlob;
import de.akte.core.text.QuarantinedContentException;
import de.akte.core.text.UnreadableContentException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Works off the persistent processing queue: scans each accepted version for malware first (the one place every
 * intake path passes, so no file is read or parsed before it is scanned), then recognises each accepted version (text, OCR word boxes,
 * found fields, archival rendition), stores it page by page and marks the document ready, or cuts a
 * scanned batch into its documents. Each task is claimed with a lease, so a crash in
 * the middle leaves it to be picked up again; permanent problems end in FAILED with a reason. A file whose
 * processing takes its worker down again and again (an {@code Error}, a killed server) is set aside as QUARANTINED
 * at the policy's crash limit, and only an administrator's retry hands it out again.
 */
public class DocumentProcessor {

    private static final String SYSTEM = "system";
    private static final Logger LOG = Logger.getLogger(DocumentProcessor.class.getName());

    private final RoutingDesk routing;
    private final DepartmentReferences references;
    private final UnitOfWork unitOfWork;
    private final ProcessingTaskRepository tasks;
    private final DocumentRepository documents;
    private final IndexOutbox indexOutbox;
    private final BlobStore blobs;
    private final CaseFileRepository caseFiles;
    private final ContentRecognizer recognizer;
    private final ProcessingTrigger trigger;
    private final RecognitionListener listener;
    private final AuditTrail audit;
    private final Clock clock;
    private final ProcessingPolicy policy;
    private final MalwareScanner scanner;

    public DocumentProcessor(UnitOfWork unitOfWork, ProcessingTaskRepository tasks, DocumentRepository documents,
                             CaseFileRepository caseFiles, IndexOutbox indexOutbox, BlobStore blobs,
                             MalwareScanner scanner, ContentRecognizer recognizer, AuditTrail audit, Clock clock,
                             ProcessingPolicy policy, ProcessingTrigger trigger, RecognitionListener listener,
                             RoutingDesk routing) {
        this.scanner = scanner;
        this.unitOfWork = unitOfWork;
        this.routing = routing;
        this.references = new DepartmentReferences(caseFiles);
        this.tasks = tasks;
        this.documents = documents;
        this.indexOutbox = indexOutbox;
        this.blobs = blobs;
        this.caseFiles = caseFiles;
        this.recognizer = recognizer;
        this.trigger = trigger;
        this.listener = listener;
        this.audit = audit;
        this.clock = clock;
        this.policy = policy;
    }

    /**
     * Takes back the tasks this server held when it stopped (a crash, a kill): no worker of it runs yet, so they
     * are waiting for nobody and need not sit out their lease. Each counts as a crash of its task: a file that takes
     * the server down is set aside at the crash limit instead of being handed out after every restart. Returns how
     * many were taken back.
     */
    public int recoverAfterRestart() {
        List<Long> held = unitOfWork.call(() -> tasks.heldBy(policy.node()));
        int released = 0;
        for (long id : held) {
            if (workerLost(id, task -> task.isHeldBy(policy.node()), "the server stopped while processing it",
                    Duration.ZERO)) {
                released++;
            }
        }
        int count = released;
        if (count > 0) {
            LOG.info(() -> count + " processing task(s) interrupted by the last stop were put back in the queue"
                    + " or set aside");
        }
        return count;
    }

    /** Processes up to {@code limit} due tasks, one after the other; returns how many were handled. */
    public int processDue(int limit) {
        Instant now = clock.now();
        List<Long> expired = unitOfWork.call(() -> tasks.leaseRanOut(now));
        int released = 0;
        for (long id : expired) {
            if (workerLost(id, task -> task.leaseRanOut(now), "its worker did not finish within "
                    + policy.lease().toMinutes() + " minutes", Duration.ZERO)) {
                released++;
            }
        }
        if (released > 0) {
            int count = released;
            LOG.info(() -> count + " processing task(s) whose worker stopped were put back in the queue or set aside");
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

    /**
     * Records that the worker holding a task did not come back, if {@code stillLost} holds under the row lock (so two
     * servers noticing the same loss count it once): the task waits {@code firstWait} (doubling) or, at the crash
     * limit, is set aside with its document QUARANTINED and an audit entry. True if it was recorded.
     */
    private boolean workerLost(long taskId, Predicate<ProcessingTask> stillLost, String cause, Duration firstWait) {
        return workerLost(taskId, stillLost, cause, firstWait, false);
    }

    /**
     * As {@link #workerLost(long, Predicate, String, Duration)}; {@code readerCrashed} when only the file's separate
     * reader process died: the document then shows FAILED with the reader's reason until it is tried again.
     */
    private boolean workerLost(long taskId, Predicate<ProcessingTask> stillLost, String cause, Duration firstWait,
                               boolean readerCrashed) {
        return unitOfWork.call(() -> {
            ProcessingTask task = tasks.findLocked(taskId).orElse(null);
            if (task == null || !stillLost.test(task)) {
                return false;
            }
            Document document = documents.find(task.documentId()).orElseThrow();
            boolean current = document.currentVersion() == task.versionNumber();
            if (task.workerLost(cause, clock.now(), firstWait, policy.crashLimit())) {
                String reason = "processing this file stopped " + (readerCrashed ? "its reader " : "the server's worker ")
                        + task.crashes() + " times (last: "
                        + cause + "); it has been set aside and is not retried automatically; an administrator can "
                        + "retry it";
                LOG.warning(() -> "document " + task.documentId() + " version " + task.versionNumber()
                        + " set aside: " + reason);
                if (current) {
                    document.quarantine(reason);
                    indexOutbox.enqueue(document.id());
                }
                audit.record(SYSTEM, AuditAction.ADMIN, "document", Long.toString(task.documentId()),
                        "version " + task.versionNumber() + " set aside after " + task.crashes()
                                + " worker crashes; last: " + cause);
            } else if (current && readerCrashed) {
                document.fail(cause + "; it will be retried automatically");
                indexOutbox.enqueue(document.id());
            } else if (current) {
                document.awaitProcessing("processing was interrupted (" + cause + "); it will be retried automatically");
            }
            return true;
        });
    }

    private record Claimed(long taskId, long documentId, long versionId, int versionNumber, String sha256,
                           String fileName, String title, MalwareScan scanned) {
    }

    /** Claims and runs one task; false if another worker had it first. */
    public boolean process(long taskId) {
        Instant now = clock.now();
        Claimed work = unitOfWork.call(() -> {
            if (!tasks.tryClaim(taskId, now, now.plus(policy.lease()), policy.node())) {
                return null;
            }
            ProcessingTask task = tasks.find(taskId).orElseThrow();
            Document document = documents.find(task.documentId()).orElseThrow();
            DocumentVersion version = document.version(task.versionNumber()).orElseThrow();
            if (document.currentVersion() == version.number()) {
                document.startProcessing();
            }
            return new Claimed(taskId, document.id(), version.id(), version.number(), version.sha256(),
                    version.fileName(), document.title(), version.malwareScan());
        });
        if (work == null) {
            return false;
        }
        Path local = null;
        try {
            local = localCopy(work.sha256());
            scan(work, local);
            try (Recognition recognition = recognizer.recognize(local, work.fileName(), work.title())) {
                if (recognition.isBatch()) {
                    fileBatch(work, recognition);
                } else if (record(work, recognition)) {
                    tell(work.documentId());
                }
            }
        } catch (RecognitionDeferredException | ScannerUnavailableException e) {
            LOG.info(() -> "document " + work.documentId() + " waits: " + e.getMessage());
            unitOfWork.run(() -> {
                tasks.find(work.taskId()).orElseThrow().postpone(e.getMessage(), clock.now(), policy.recheck());
                awaitIfCurrent(work, e.getMessage());
            });
        } catch (QuarantinedContentException e) {
            LOG.warning(() -> "document " + work.documentId() + " version " + work.versionNumber()
                    + " quarantined: " + e.getMessage());
            unitOfWork.run(() -> {
                tasks.find(work.taskId()).orElseThrow().giveUp(e.getMessage(), clock.now());
                Document document = documents.find(work.documentId()).orElseThrow();
                if (document.currentVersion() == work.versionNumber()) {
                    document.quarantine(e.getMessage());
                    indexOutbox.enqueue(document.id());
                }
                audit.record(SYSTEM, AuditAction.ADMIN, "document", Long.toString(work.documentId()),
                        "version " + work.versionNumber() + " quarantined: " + e.getMessage());
            });
        } catch (UnreadableContentException e) {
            LOG.info(() -> "document " + work.documentId() + " version " + work.versionNumber()
                    + " cannot be read: " + e.getMessage());
            unitOfWork.run(() -> {
                tasks.find(work.taskId()).orElseThrow().giveUp(e.getMessage(), clock.now());
                failIfCurrent(work, e.getMessage());
            });
        } catch (ReaderCrashedException e) {
            // the file's reader process died with it, the worker did not: still a crash of this file, counted alike
            workerLost(work.taskId(), task -> task.isHeldBy(policy.node()), e.getMessage(), policy.firstBackoff(),
                    true);
            LOG.warning(() -> "document " + work.documentId() + " version " + work.versionNumber()
                    + " stopped its reader: " + e.getMessage());
        } catch (Error e) {
            // the worker boundary: an OutOfMemoryError, a StackOverflowError in a parser, a missing class must neither
            // end the worker thread nor leave the task claimed until its lease runs out; it counts as a crash
            String cause = e.getClass().getSimpleName() + " while processing it";
            // the count first: after an OutOfMemoryError even a log line may fail, and the count is what stops a loop
            workerLost(work.taskId(), task -> task.isHeldBy(policy.node()), cause, policy.firstBackoff());
            LOG.severe(() -> "processing document " + work.documentId() + " version " + work.versionNumber()
                    + " stopped its worker: " + e + where(e));
        } catch (Exception e) {
            // internals go to the log and the task; the document's reason is a sentence for a clerk
            String reason = describe(e);
            String incident = Long.toString(System.nanoTime() & 0xFFFFFF, 36).toUpperCase(Locale.ROOT);
            boolean conflict = e instanceof ConcurrentChangeException;
            LOG.log(Level.WARNING, "processing document " + work.documentId() + " failed (incident " + incident
                    + "): " + reason, e);
            unitOfWork.run(() -> {
                ProcessingTask task = tasks.find(work.taskId()).orElseThrow();
                boolean again = task.retryLater(reason, clock.now(), policy.firstBackoff(), policy.maxAttempts());
                if (again) {
                    awaitIfCurrent(work, conflict
                            ? "the document was changed while it was being processed; it will be processed again"
                            : "processing was interrupted by an internal error (incident " + incident
                                    + " in the server log); it will be retried automatically");
                } else {
                    failIfCurrent(work, "processing failed " + task.attempts() + " times because of an internal "
                            + "error (incident " + incident + " in the server log); an administrator can retry it");
                }
            });
        } finally {
            deleteQuietly(local);
        }
        return true;
    }

    /**
     * Scans the version unless an earlier run found it clean, and records the outcome at once, so that a file
     * whose recognition fails later can still be downloaded. A file that does not pass ends here as quarantined.
     */
    private void scan(Claimed work, Path local) {
        if (work.scanned() == MalwareScan.CLEAN) {
            return;
        }
        ScanVerdict verdict = scanner.scan(local);
        unitOfWork.run(() -> documents.find(work.documentId()).orElseThrow().version(work.versionNumber())
                .orElseThrow().recordScan(verdict.outcome()));
        if (!verdict.passes()) {
            throw new QuarantinedContentException(verdict.reason());
        }
    }

    // the document is recorded whatever a listener does: classification trouble must not undo recognition
    private void tell(long documentId) {
        try {
            listener.recognized(documentId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "document " + documentId + " was recognised, but what follows failed", e);
        }
    }

    /** Stores what recognition found; true when it was the current version. */
    private boolean record(Claimed work, Recognition recognition) {
        // the rendition's bytes are stored before the row that names them, like every blob
        String renditionSha = recognition.rendition().map(this::store).map(b -> b.id().sha256()).orElse(null);
        List<FieldOccurrence> fields = recognition.fields().stream()
                .map(f -> new FieldOccurrence(f.kind(), f.value(), f.raw(), f.page(), f.start(), f.end())).toList();
        return unitOfWork.call(() -> {
            Document document = documents.find(work.documentId()).orElseThrow();
            DocumentVersion version = document.version(work.versionNumber()).orElseThrow();
            documents.replacePages(work.versionId(), recognition.pages());
            version.recordRecognition(recognition.mediaType(), recognition.pages().size(),
                    withFieldSummary(recognition.metadata(), fields));
            version.recordFields(fields);
            if (renditionSha != null) {
                version.attachRendition(renditionSha);
            }
            if (document.currentVersion() == version.number()) {
                if (document.documentDate().isEmpty()) {
                    firstDate(fields).ifPresent(document::dateAs);
                }
                document.markReady();
            }
            tasks.find(work.taskId()).orElseThrow().complete(clock.now());
            indexOutbox.enqueue(document.id());
            return document.currentVersion() == version.number();
        });
    }

    // the found fields also go into the version's metadata, so the API shows them and the index finds them
    private static Map<String, String> withFieldSummary(Map<String, String> metadata, List<FieldOccurrence> fields) {
        Map<String, String> all = new LinkedHashMap<>(metadata);
        Map<String, List<String>> byKind = new LinkedHashMap<>();
        for (FieldOccurrence f : fields) {
            List<String> values = byKind.computeIfAbsent("found." + camel(f.kind()), k -> new ArrayList<>());
            if (!values.contains(f.value())) {
                values.add(f.value());
            }
        }
        byKind.forEach((k, v) -> all.put(k, String.join("; ", v)));
        return all;
    }

    private static String camel(String kind) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : kind.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static Optional<LocalDate> firstDate(List<FieldOccurrence> fields) {
        return fields.stream().filter(f -> "DOCUMENT_DATE".equals(f.kind())).findFirst().flatMap(f -> {
            try {
                return Optional.of(LocalDate.parse(f.value()));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * Cuts a scanned batch into its documents. The parts' bytes are stored first; then one transaction creates
     * every part with its processing task and completes the batch's task, so a crash leaves either no part or all.
     */
    private void fileBatch(Claimed work, Recognition recognition) {
        List<StoredBlob> stored = recognition.parts().stream().map(p -> store(p.content())).toList();
        List<Long> created = unitOfWork.call(() -> {
            Document batch = documents.find(work.documentId()).orElseThrow();
            DocumentVersion batchVersion = batch.version(work.versionNumber()).orElseThrow();
            List<Long> ids = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            for (int i = 0; i < recognition.parts().size(); i++) {
                BatchPart part = recognition.parts().get(i);
                StoredBlob blob = stored.get(i);
                // the batch's department (and case file, if named) is binding: a separator sheet never leads out
                CaseFile target = batch.caseFile().orElse(null);
                if (target != null && target.isClosed()) {
                    // closed (zdA) since the upload: the parts wait in the department until someone files them
                    notes.add("part " + (i + 1) + ": case file " + target.fileReference() + " was closed (zdA) "
                            + "meanwhile, so the part was not filed into it");
                    target = null;
                }
                String askAbout = null;
                if (part.fileReference().isPresent()) {
                    String named = part.fileReference().get();
                    String department = batch.department().code();
                    ReferenceResolution resolution = references.resolve(department, named);
                    if (batch.caseFile().isPresent()) {
                        if (resolution.open().filter(c -> c.id().equals(batch.caseFile().get().id())).isEmpty()) {
                            notes.add("part " + (i + 1) + ": the separator sheet names file reference " + named
                                    + ", but the batch was brought into case file " + batch.caseFile().get().fileReference()
                                    + ", so the part stays there");
                        }
                    } else if (resolution.open().isPresent()) {
                        target = resolution.caseFile();
                    } else if (resolution.outcome() == ReferenceResolution.Outcome.CLOSED) {
                        notes.add("part " + (i + 1) + ": case file " + named + " is closed (zdA), so the part "
                                + "was not filed into it");
                    } else {
                        // the same words whether the reference exists in another department or nowhere
                        notes.add("part " + (i + 1) + ": the separator sheet names file reference " + named
                                + ", which is no case file of department " + department
                                + " (the registry has been asked to check it)");
                        askAbout = resolution.outcome() == ReferenceResolution.Outcome.ELSEWHERE
                                ? "the separator sheet names file reference " + named + ", a case file of department "
                                        + resolution.caseFile().department().code()
                                : "the separator sheet names file reference " + named + ", which does not exist";
                    }
                }
                String title = batch.title() + " (" + (i + 1) + "/" + recognition.parts().size() + ")";
                Document document = new Document(title, batch.department(),
                        target, null, batch.documentType().orElse(null), clock.now(), batch.createdBy());
                document.cutFrom(batch.id());
                String fileName = new FileName(work.fileName()).baseName() + "-" + (i + 1) + ".pdf";
                DocumentVersion version = document.addVersion(
                        new ContentDescriptor(blob.id().sha256(), blob.size(), part.mediaType(), fileName),
                        clock.now(), batch.createdBy());
                documents.add(document);
                tasks.add(new ProcessingTask(document.id(), version.number(), clock.now()));
                indexOutbox.enqueue(document.id());
                audit.record(SYSTEM, AuditAction.CREATE, "document", document.id().toString(),
                        "cut from scanned batch " + batch.id() + " pages " + part.pages() + "; sha256="
                                + blob.id().sha256() + (target != null ? "; caseFile=" + target.fileReference() : ""));
                ids.add(document.id());
                if (askAbout != null) {
                    routing.ask(document, RoutingCause.NAMED_REFERENCE, "the separator sheet names a file reference "
                            + "that is no case file of this department; the registry has been asked to check it",
                            askAbout);
                }
            }
            Map<String, String> metadata = new LinkedHashMap<>(recognition.metadata());
            metadata.put("batch.parts", ids.stream().map(String::valueOf).collect(Collectors.joining(", ")));
            if (!notes.isEmpty()) {
                metadata.put("batch.notes", String.join("; ", notes));
            }
            batchVersion.recordRecognition(recognition.mediaType(), recognition.pages().size(), metadata);
            if (batch.currentVersion() == batchVersion.number()) {
                batch.markReady();
            }
            tasks.find(work.taskId()).orElseThrow().complete(clock.now());
            indexOutbox.enqueue(batch.id());
            return ids;
        });
        LOG.info(() -> "scanned batch " + work.documentId() + " cut into documents " + created);
        trigger.workCommitted();
    }

    private StoredBlob store(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return blobs.put(in, Long.MAX_VALUE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the produced file " + file, e);
        }
    }

    // recognisers read files (Tesseract, PDFBox need random access); the blob may live in S3
    private Path localCopy(String sha256) throws IOException {
        Path local = Files.createTempFile("akte-original-", ".bin");
        try (InputStream in = blobs.open(new BlobId(sha256))) {
            Files.copy(in, local, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(local);
            throw e;
        }
        return local;
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "could not delete temporary file " + file, e);
            }
        }
    }

    /**
     * An administrator puts a failed or set-aside document back into the queue; a set-aside task starts again with
     * a clean crash count.
     */
    public void retry(Caller caller, long documentId) {
        Access.requireAnyRole(caller, Role.ADMIN);
        unitOfWork.run(() -> {
            Document document = documents.find(documentId).orElseThrow(() -> new NotFoundException("no document " + documentId));
            List<ProcessingTask> failed = tasks.forDocument(documentId).stream()
                    .filter(t -> t.state() == ProcessingState.FAILED || t.state() == ProcessingState.SET_ASIDE)
                    .toList();
            if (failed.isEmpty()) {
                throw new de.akte.core.shared.ConflictException("document " + documentId + " has no failed processing to retry");
            }
            int crashes = failed.stream().mapToInt(ProcessingTask::crashes).sum();
            failed.forEach(t -> t.requeue(clock.now()));
            document.awaitProcessing("retry requested by " + caller.username());
            audit.record(caller.username(), AuditAction.ADMIN, "document", Long.toString(documentId),
                    crashes > 0 ? "processing retried; " + crashes + " worker crash(es) forgiven" : "processing retried");
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
