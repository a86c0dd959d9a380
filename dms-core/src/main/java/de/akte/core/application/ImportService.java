package de.akte.core.application;

import de.akte.core.audit.AuditAction;
import de.akte.core.audit.AuditTrail;
import de.akte.core.department.Department;
import de.akte.core.department.DepartmentRepository;
import de.akte.core.document.ContentDescriptor;
import de.akte.core.document.DocumentRepository;
import de.akte.core.imports.ImportBatch;
import de.akte.core.imports.ImportItem;
import de.akte.core.imports.ImportKind;
import de.akte.core.imports.ImportRepository;
import de.akte.core.imports.ImportState;
import de.akte.core.imports.ItemState;
import de.akte.core.processing.ProcessingTrigger;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.Clock;
import de.akte.core.shared.ConflictException;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.shared.NotFoundException;
import de.akte.core.shared.UnitOfWork;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Bulk import: batches of files handed in one by one (by the command-line client, a server-side job or the hot
 * folder). Each file is stored and becomes a document exactly once: the item row (unique per batch and path) is
 * written in the same transaction as the document, so a crash or a re-run repeats nothing and loses nothing.
 * When the batch is complete its protocol (who, when, from where, each file's SHA-256 and document) is kept as a
 * document of its own.
 */
public class ImportService {

    private static final int MAX_PAGE_SIZE = 1000;

    private final UnitOfWork unitOfWork;
    private final ImportRepository imports;
    private final DepartmentRepository departments;
    private final DocumentRepository documentRepository;
    private final DocumentService documents;
    private final AuditTrail audit;
    private final Clock clock;
    private final ProcessingTrigger trigger;

    public ImportService(UnitOfWork unitOfWork, ImportRepository imports, DepartmentRepository departments,
                         DocumentRepository documentRepository, DocumentService documents, AuditTrail audit,
                         Clock clock, ProcessingTrigger trigger) {
        this.unitOfWork = unitOfWork;
        this.imports = imports;
        this.departments = departments;
        this.documentRepository = documentRepository;
        this.documents = documents;
        this.audit = audit;
        this.clock = clock;
        this.trigger = trigger;
    }

    /** What handing in a file gave: the item, and whether a new document was made of it just now. */
    public record Handed(ImportItemView item, boolean newDocument) {
    }

    /** What opening a batch gave: the batch, and whether it existed already (the same import run again). */
    public record Opened(ImportProgress batch, boolean resumed) {
    }

    /** Opens a batch, or continues the one with the same key. */
    public Opened open(Caller caller, NewImport request) {
        requireImporter(caller);
        String key = required(request.key(), "key", 200);
        String source = required(request.source(), "source", 1000);
        return unitOfWork.call(() -> {
            Optional<ImportBatch> existing = imports.findByKey(key);
            if (existing.isPresent()) {
                ImportBatch batch = visible(caller, existing.get());
                batch.expect(request.expectedItems());
                return new Opened(progressOf(batch), true);
            }
            Department department = null;
            if (request.department() != null && !request.department().isBlank()) {
                department = departments.findByCode(request.department().strip())
                        .filter(d -> caller.canSee(d.code()))
                        .orElseThrow(() -> new InvalidInputException("department", "no department "
                                + request.department()));
            }
            ImportBatch batch = new ImportBatch(key, source, request.kind() == null ? ImportKind.CLIENT : request.kind(),
                    request.serverPath(), department, blankToNull(request.caseFile()),
                    blankToNull(request.documentType()), blankToNull(request.scannedBy()), request.expectedItems(),
                    clock.now(), caller.username());
            imports.add(batch);
            audit.record(caller.username(), AuditAction.CREATE, "import", batch.id().toString(),
                    "key=" + key + "; source=" + source + "; kind=" + batch.kind());
            return new Opened(progressOf(batch), false);
        });
    }

    /**
     * Imports one file into a batch; idempotent per batch and path. A file already imported is not stored again;
     * one whose content an earlier file of the batch had is recorded as a duplicate; a file that is refused is
     * recorded as failed with the reason and the exception is passed on.
     */
    public Handed importItem(Caller caller, long batchId, ImportItemUpload upload, java.io.InputStream content) {
        requireImporter(caller);
        String path = itemPath(upload.path());
        unitOfWork.call(() -> batch(caller, batchId));
        Optional<ImportItem> earlier = unitOfWork.call(() -> imports.item(batchId, path));
        if (earlier.isPresent() && earlier.get().state() != ItemState.FAILED) {
            ImportItem done = earlier.get();
            if (upload.sha256() != null && done.sha256().isPresent()
                    && !done.sha256().get().equalsIgnoreCase(upload.sha256())) {
                throw new ConflictException(path + " was imported into this batch with other content (SHA-256 "
                        + done.sha256().get() + ")");
            }
            return new Handed(view(done), false);
        }
        ContentDescriptor stored;
        try {
            stored = documents.store(caller, fileName(path), content);
        } catch (RuntimeException e) {
            recordFailure(batchId, path, upload.sha256(), reason(e));
            throw e;
        }
        if (upload.sha256() != null && !upload.sha256().equalsIgnoreCase(stored.sha256())) {
            String reason = "the file arrived damaged: its SHA-256 is " + stored.sha256() + ", the sender computed "
                    + upload.sha256();
            recordFailure(batchId, path, upload.sha256(), reason);
            throw new InvalidInputException("sha256", reason);
        }
        Handed handed;
        try {
            handed = unitOfWork.call(() -> record(caller, batch(caller, batchId), path, upload, stored));
        } catch (NotFoundException e) {
            // a case file named by the batch or the manifest that does not exist is the sender's mistake
            String reason = e.getMessage();
            recordFailure(batchId, path, stored.sha256(), reason);
            throw new InvalidInputException("caseFile", reason);
        } catch (RuntimeException e) {
            recordFailure(batchId, path, stored.sha256(), reason(e));
            throw e;
        }
        trigger.workCommitted();
        return handed;
    }

    private Handed record(Caller caller, ImportBatch batch, String path, ImportItemUpload upload,
                              ContentDescriptor stored) {
        long batchId = batch.id();
        Optional<ImportItem> existing = imports.item(batchId, path);
        if (existing.isPresent()) {
            if (existing.get().state() != ItemState.FAILED) {
                return new Handed(view(existing.get()), false);
            }
            imports.remove(existing.get());
        }
        Optional<ImportItem> sameContent = imports.importedWithContent(batchId, stored.sha256());
        ImportItem item;
        if (sameContent.isPresent()) {
            item = ImportItem.duplicate(batchId, path, stored.sha256(), stored.size(),
                    sameContent.get().documentId().orElseThrow(), clock.now());
        } else {
            String department = firstNonBlank(upload.department(), batch.department().map(Department::code).orElse(null));
            NewDocument request = new NewDocument(firstNonBlank(upload.title(), baseName(path)),
                    firstNonBlank(upload.caseFile(), batch.caseFile().orElse(null)), department,
                    firstNonBlank(upload.documentType(), batch.documentType().orElse(null)), fileName(path));
            long documentId = documents.create(caller, request, upload.documentDate(), stored,
                    "import " + batchId + ": " + path);
            item = ImportItem.imported(batchId, path, stored.sha256(), stored.size(), documentId, clock.now());
        }
        imports.add(item);
        return new Handed(view(item), item.state() == ItemState.IMPORTED);
    }

    private void recordFailure(long batchId, String path, String sha256, String reason) {
        unitOfWork.run(() -> {
            Optional<ImportItem> existing = imports.item(batchId, path);
            if (existing.isPresent()) {
                if (existing.get().state() != ItemState.FAILED) {
                    return;
                }
                imports.remove(existing.get());
            }
            imports.add(ImportItem.failed(batchId, path, sha256, reason, clock.now()));
        });
    }

    /** The files of a batch in the order they came, optionally only those in one state. */
    public Page<ImportItemView> items(Caller caller, long batchId, String state, int page, int size) {
        requireImporter(caller);
        ItemState filter = parseState(state);
        int pageSize = Math.max(1, Math.min(MAX_PAGE_SIZE, size));
        int pageNumber = Math.max(0, page);
        return unitOfWork.call(() -> {
            batch(caller, batchId);
            List<ImportItemView> items = imports.items(batchId, filter, pageNumber * pageSize, pageSize).stream()
                    .map(this::view).toList();
            return new Page<>(imports.countItems(batchId, filter), pageNumber, pageSize, items);
        });
    }

    /** Files that failed, at import or later in processing, each with its reason. */
    public List<ImportItemView> failures(Caller caller, long batchId) {
        requireImporter(caller);
        return unitOfWork.call(() -> {
            batch(caller, batchId);
            return imports.items(batchId, null, 0, Integer.MAX_VALUE).stream().map(this::view)
                    .filter(v -> v.state().equals(ItemState.FAILED.name())).toList();
        });
    }

    /** The caller's newest batches (an administrator's: everyone's), newest first, with their progress. */
    public List<ImportProgress> newest(Caller caller, int limit) {
        requireImporter(caller);
        if (limit < 1 || limit > 200) {
            throw new InvalidInputException("size", "size must be between 1 and 200");
        }
        return unitOfWork.call(() -> imports.newest(caller.has(Role.ADMIN) ? null : caller.username(), limit)
                .stream().map(this::progressOf).toList());
    }

    public ImportProgress progress(Caller caller, long batchId) {
        requireImporter(caller);
        return unitOfWork.call(() -> progressOf(batch(caller, batchId)));
    }

    /** The sender has handed in every file: the batch closes and its protocol is kept as a document. */
    public ImportProgress complete(Caller caller, long batchId) {
        requireImporter(caller);
        ImportProtocol protocol = protocol(caller, batchId);
        Optional<String> department = unitOfWork.call(() -> protocolDepartment(batch(caller, batchId)));
        Long protocolDocument = null;
        if (department.isPresent()) {
            byte[] csv = protocol.toCsv().getBytes(StandardCharsets.UTF_8);
            ContentDescriptor stored = documents.store(caller, "importprotokoll-" + batchId + ".csv",
                    new ByteArrayInputStream(csv));
            protocolDocument = unitOfWork.call(() -> documents.create(caller, new NewDocument(
                    "Importprotokoll " + protocol.key(), null, department.get(), "Importprotokoll",
                    "importprotokoll-" + batchId + ".csv"), null, stored, "protocol of import " + batchId));
            trigger.workCommitted();
        }
        Long documentId = protocolDocument;
        return unitOfWork.call(() -> {
            ImportBatch batch = batch(caller, batchId);
            batch.close(clock.now(), documentId, null);
            audit.record(caller.username(), AuditAction.UPDATE_METADATA, "import", Long.toString(batchId),
                    "completed; items=" + protocol.items().size()
                            + (documentId != null ? "; protocol document " + documentId : ""));
            return progressOf(batch);
        });
    }

    /** The import protocol: who imported what, when, from where, each file's SHA-256 and document. */
    public ImportProtocol protocol(Caller caller, long batchId) {
        requireImporter(caller);
        return unitOfWork.call(() -> {
            ImportBatch batch = batch(caller, batchId);
            List<ImportItemView> items = imports.items(batchId, null, 0, Integer.MAX_VALUE).stream()
                    .map(this::view).toList();
            return new ImportProtocol(batch.id(), batch.key(), batch.source(), batch.kind().name(), batch.createdBy(),
                    batch.scannedBy().orElse(batch.createdBy()), batch.createdAt(), clock.now(), items);
        });
    }

    /** Server-side batches still open, to be continued after a restart. */
    public List<ImportProgress> openServerBatches() {
        return unitOfWork.call(() -> imports.openServerBatches().stream().map(this::progressOf).toList());
    }

    /** Who opened a batch; a server-side job imports in their name. */
    public String openedBy(long batchId) {
        return unitOfWork.call(() -> imports.find(batchId).map(ImportBatch::createdBy)
                .orElseThrow(() -> new NotFoundException("no import " + batchId)));
    }

    /** Records a file that was refused before it could be handed in (unreadable, or a dangerous ZIP entry name). */
    public void recordRefused(Caller caller, long batchId, String path, String reason) {
        requireImporter(caller);
        unitOfWork.run(() -> batch(caller, batchId));
        recordFailure(batchId, path, null, reason);
    }

    /** The folder or ZIP a server-side batch reads. */
    public Optional<String> serverPath(long batchId) {
        return unitOfWork.call(() -> imports.find(batchId).flatMap(ImportBatch::serverPath));
    }

    private Optional<String> protocolDepartment(ImportBatch batch) {
        if (batch.department().isPresent()) {
            return batch.department().map(Department::code);
        }
        return imports.items(batch.id(), ItemState.IMPORTED, 0, 1).stream().findFirst()
                .flatMap(ImportItem::documentId).flatMap(documentRepository::find)
                .map(d -> d.department().code());
    }

    private ImportProgress progressOf(ImportBatch batch) {
        long id = batch.id();
        long received = imports.countItems(id, null);
        long duplicates = imports.countItems(id, ItemState.DUPLICATE);
        long failedItems = imports.countItems(id, ItemState.FAILED);
        ImportRepository.DocumentTally tally = imports.tallyDocuments(id);
        long total = Math.max(received, batch.expectedItems().orElse(0));
        long done = tally.ready() + duplicates;
        long failed = failedItems + tally.failed();
        long pending = received - done - failed;
        String state = batch.state() == ImportState.OPEN ? "IMPORTING" : pending > 0 ? "PROCESSING" : "COMPLETED";
        Instant end = "COMPLETED".equals(state) && tally.lastReadyAt() > 0
                ? Instant.ofEpochMilli(Math.max(tally.lastReadyAt(), batch.completedAt().orElse(batch.createdAt())
                .toEpochMilli())) : clock.now();
        double minutes = Math.max(1e-3, Duration.between(batch.createdAt(), end).toMillis() / 60_000.0);
        double pagesPerMinute = Math.round(tally.pagesReady() / minutes * 10) / 10.0;
        long settled = done + failed;
        long remaining = Math.max(0, total - settled);
        Long eta = remaining == 0 ? Long.valueOf(0) : settled == 0 ? null
                : Long.valueOf(Math.round(remaining * minutes * 60 / settled));
        return new ImportProgress(id, batch.key(), batch.source(), batch.kind().name(), state, total, received, done,
                failed, duplicates, tally.pagesReady(), pagesPerMinute, eta, batch.createdAt(), batch.createdBy(),
                batch.completedAt().orElse(null), batch.protocolDocumentId().orElse(null));
    }

    private ImportItemView view(ImportItem item) {
        Integer pages = item.documentId().flatMap(documentRepository::find)
                .flatMap(d -> d.current().pageCount()).orElse(null);
        return ImportItemView.of(item, pages);
    }

    private ImportBatch batch(Caller caller, long id) {
        return visible(caller, imports.find(id).orElseThrow(() -> new NotFoundException("no import " + id)));
    }

    // scanning staff see their own batches, administrators all; nobody learns that another's batch exists
    private static ImportBatch visible(Caller caller, ImportBatch batch) {
        if (!caller.has(Role.ADMIN) && !batch.createdBy().equals(caller.username())) {
            throw new NotFoundException("no import " + batch.id());
        }
        return batch;
    }

    private static void requireImporter(Caller caller) {
        Access.requireAnyRole(caller, Role.SCANNER, Role.ADMIN);
    }

    private static ItemState parseState(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return ItemState.valueOf(state.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("state", "state must be IMPORTED, DUPLICATE or FAILED");
        }
    }

    private static String itemPath(String raw) {
        String path = required(raw, "path", 1000).replace('\\', '/');
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new InvalidInputException("path", "the item path must be relative, without empty, '.' or '..' "
                        + "segments: " + raw);
            }
        }
        return path;
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String baseName(String path) {
        String name = fileName(path);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, field + " is required");
        }
        if (value.length() > max) {
            throw new InvalidInputException(field, field + " is longer than " + max + " characters");
        }
        return value.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a.strip() : b;
    }

    private static String reason(RuntimeException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
