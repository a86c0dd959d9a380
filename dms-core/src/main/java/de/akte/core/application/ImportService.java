package de.akte.core.application;

import de.akte.core.audit.AuditAction;
import de.akte.core.audit.AuditTrail;
import de.akte.core.casefile.CaseFile;
import de.akte.core.casefile.CaseFileRepository;
import de.akte.core.casefile.FileReference;
import de.akte.core.department.Department;
import de.akte.core.department.DepartmentRepository;
import de.akte.core.document.ContentDescriptor;
import de.akte.core.document.Document;
import de.akte.core.document.DocumentRepository;
import de.akte.core.imports.ImportBatch;
import de.akte.core.imports.ImportItem;
import de.akte.core.imports.ImportKind;
import de.akte.core.imports.ImportOwner;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

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
    private final CaseFileRepository caseFiles;
    private final DocumentRepository documentRepository;
    private final DocumentService documents;
    private final AuditTrail audit;
    private final Clock clock;
    private final ProcessingTrigger trigger;

    public ImportService(UnitOfWork unitOfWork, ImportRepository imports, DepartmentRepository departments,
                         CaseFileRepository caseFiles, DocumentRepository documentRepository,
                         DocumentService documents, AuditTrail audit, Clock clock, ProcessingTrigger trigger) {
        this.unitOfWork = unitOfWork;
        this.imports = imports;
        this.departments = departments;
        this.caseFiles = caseFiles;
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

    /**
     * Opens the caller's batch with this key, or continues it. A key someone else (a person or the system) uses is
     * no concern of the caller's: it opens the caller's own, separate batch.
     */
    public Opened open(Caller caller, NewImport request) {
        requireImporter(caller);
        ImportOwner owner = ImportOwner.of(caller);
        ImportKind kind = request.kind() == null ? ImportKind.CLIENT : request.kind();
        if (kind == ImportKind.SERVER || (kind == ImportKind.HOT_FOLDER) != owner.equals(ImportOwner.HOT_FOLDER)) {
            throw new IllegalArgumentException("a " + kind + " batch is not opened by " + owner.name());
        }
        return openAs(owner, caller, kind, request, false);
    }

    /**
     * An administrator opens (or continues) an import the server reads from its own disk. The batch is the
     * system's ({@link ImportOwner#SERVER_IMPORT}), not the administrator's, and it imports only into the one
     * department it names (or its case file belongs to).
     */
    public Opened openOnServer(Caller administrator, NewImport request) {
        Access.requireAnyRole(administrator, Role.ADMIN);
        if (request.serverPath() == null || request.serverPath().isBlank()) {
            throw new InvalidInputException("serverPath", "serverPath is required");
        }
        return openAs(ImportOwner.SERVER_IMPORT, administrator, ImportKind.SERVER, request, true);
    }

    private Opened openAs(ImportOwner owner, Caller requester, ImportKind kind, NewImport request,
                          boolean needsDepartment) {
        String key = required(request.key(), "key", 200);
        String source = required(request.source(), "source", 1000);
        return unitOfWork.call(() -> {
            Optional<ImportBatch> existing = imports.findByKey(owner, key);
            if (existing.isPresent()) {
                ImportBatch batch = existing.get();
                batch.expect(request.expectedItems());
                return new Opened(progressOf(requester, batch), true);
            }
            String caseFileReference = blankToNull(request.caseFile());
            CaseFile caseFile = caseFileReference == null ? null : visibleCaseFile(requester, caseFileReference);
            Department department = null;
            if (request.department() != null && !request.department().isBlank()) {
                department = visibleDepartment(requester, request.department());
                if (caseFile != null && !caseFile.department().code().equals(department.code())) {
                    throw new InvalidInputException("caseFile", "case file " + caseFile.fileReference()
                            + " belongs to department " + caseFile.department().code() + ", not "
                            + department.code());
                }
            } else if (caseFile != null && needsDepartment) {
                department = caseFile.department();
            }
            if (needsDepartment && department == null) {
                throw new InvalidInputException("department",
                        "name the department (or the case file) the server-side import files into");
            }
            ImportBatch batch = new ImportBatch(owner, key, source, kind, request.serverPath(), department,
                    caseFile == null ? null : caseFile.fileReference().toString(), blankToNull(request.documentType()),
                    blankToNull(request.scannedBy()), request.expectedItems(), clock.now(), requester.username());
            imports.add(batch);
            audit.record(requester.username(), AuditAction.CREATE, "import", batch.id().toString(),
                    "key=" + key + "; source=" + source + "; kind=" + batch.kind() + "; owner=" + owner.name());
            return new Opened(progressOf(requester, batch), false);
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
        unitOfWork.call(() -> writableBatch(caller, batchId));
        Optional<ImportItem> earlier = unitOfWork.call(() -> imports.item(batchId, path));
        if (earlier.isPresent() && earlier.get().state() != ItemState.FAILED) {
            ImportItem done = earlier.get();
            if (upload.sha256() != null && done.sha256().isPresent()
                    && !done.sha256().get().equalsIgnoreCase(upload.sha256())) {
                throw new ConflictException(path + " was imported into this batch with other content (SHA-256 "
                        + done.sha256().get() + ")");
            }
            return new Handed(view(caller, done), false);
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
            handed = unitOfWork.call(() -> record(caller, writableBatch(caller, batchId), path, upload, stored));
        } catch (NotFoundException e) {
            // a case file named by the batch or the manifest that does not exist (or that the importer may not
            // see: the same words) is the sender's mistake
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
                return new Handed(view(caller, existing.get()), false);
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
        return new Handed(view(caller, item), item.state() == ItemState.IMPORTED);
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
            readableBatch(caller, batchId);
            List<ImportItemView> items = imports.items(batchId, filter, pageNumber * pageSize, pageSize).stream()
                    .map(item -> view(caller, item)).toList();
            return new Page<>(imports.countItems(batchId, filter), pageNumber, pageSize, items);
        });
    }

    /** Files that failed, at import or later in processing, each with its reason. */
    public List<ImportItemView> failures(Caller caller, long batchId) {
        requireImporter(caller);
        return unitOfWork.call(() -> {
            readableBatch(caller, batchId);
            return imports.items(batchId, ItemState.FAILED, 0, Integer.MAX_VALUE).stream()
                    .map(item -> view(caller, item)).toList();
        });
    }

    /** The caller's own newest batches (an administrator's: everyone's, the system's too), newest first. */
    public List<ImportProgress> newest(Caller caller, int limit) {
        requireImporter(caller);
        if (limit < 1 || limit > 200) {
            throw new InvalidInputException("size", "size must be between 1 and 200");
        }
        return unitOfWork.call(() -> imports.newest(ImportBatchAccess.listedOwner(caller), limit)
                .stream().map(batch -> progressOf(caller, batch)).toList());
    }

    public ImportProgress progress(Caller caller, long batchId) {
        requireImporter(caller);
        return unitOfWork.call(() -> progressOf(caller, readableBatch(caller, batchId)));
    }

    /**
     * The owner has handed in every file: the batch closes and its protocol is kept as a document, one for each
     * department its documents lie in, listing only that department's files, so that whoever may read a protocol
     * may open every document it names. Files that became no document (refused ones) are listed in the protocol of
     * the batch's department: the one it names, or the only one its documents lie in.
     */
    public ImportProgress complete(Caller caller, long batchId) {
        requireImporter(caller);
        List<ImportProtocol> parts = unitOfWork.call(() -> departmentProtocols(caller, writableBatch(caller, batchId)));
        List<Long> protocolDocuments = new ArrayList<>();
        for (ImportProtocol part : parts) {
            String fileName = "importprotokoll-" + batchId + "-" + part.department() + ".csv";
            byte[] csv = part.toCsv().getBytes(StandardCharsets.UTF_8);
            ContentDescriptor stored = documents.store(caller, fileName, new ByteArrayInputStream(csv));
            protocolDocuments.add(unitOfWork.call(() -> documents.create(caller, new NewDocument(
                    "Importprotokoll " + part.key() + " (" + part.department() + ")", null, part.department(),
                    "Importprotokoll", fileName), null, stored, "protocol of import " + batchId)));
        }
        if (!protocolDocuments.isEmpty()) {
            trigger.workCommitted();
        }
        return unitOfWork.call(() -> {
            ImportBatch batch = writableBatch(caller, batchId);
            batch.close(clock.now(), protocolDocuments, null);
            audit.record(caller.username(), AuditAction.UPDATE_METADATA, "import", Long.toString(batchId),
                    "completed; items=" + imports.countItems(batchId, null)
                            + (protocolDocuments.isEmpty() ? "" : "; protocol documents " + protocolDocuments));
            return progressOf(caller, batch);
        });
    }

    /**
     * The import protocol: who imported what, when, from where, each file's SHA-256 and document. It lists only
     * this batch's files; a document the reader may not open (it was moved to another department since) is
     * listed without its id.
     */
    public ImportProtocol protocol(Caller caller, long batchId) {
        requireImporter(caller);
        return unitOfWork.call(() -> {
            ImportBatch batch = readableBatch(caller, batchId);
            List<ImportItemView> items = imports.items(batchId, null, 0, Integer.MAX_VALUE).stream()
                    .map(item -> view(caller, item)).toList();
            return protocolOf(batch, null, items);
        });
    }

    private List<ImportProtocol> departmentProtocols(Caller owner, ImportBatch batch) {
        Map<String, List<ImportItemView>> byDepartment = new TreeMap<>();
        List<ImportItemView> withoutDocument = new ArrayList<>();
        for (ImportItem item : imports.items(batch.id(), null, 0, Integer.MAX_VALUE)) {
            Optional<Document> document = item.documentId().flatMap(documentRepository::find);
            if (document.isEmpty()) {
                withoutDocument.add(ImportItemView.of(item, null));
                continue;
            }
            String department = document.get().department().code();
            // moved out of the owner's reach since: its department's records tell its story, this protocol cannot
            if (owner.canSee(department)) {
                byDepartment.computeIfAbsent(department, d -> new ArrayList<>())
                        .add(ImportItemView.of(item, document.get().current().pageCount().orElse(null)));
            }
        }
        String home = batch.department().map(Department::code)
                .orElse(byDepartment.size() == 1 ? byDepartment.keySet().iterator().next() : null);
        if (home != null && owner.canSee(home) && !withoutDocument.isEmpty()) {
            List<ImportItemView> merged = new ArrayList<>(byDepartment.getOrDefault(home, List.of()));
            merged.addAll(withoutDocument);
            merged.sort(Comparator.comparing(ImportItemView::importedAt));
            byDepartment.put(home, merged);
        }
        return byDepartment.entrySet().stream().map(e -> protocolOf(batch, e.getKey(), e.getValue())).toList();
    }

    private ImportProtocol protocolOf(ImportBatch batch, String department, List<ImportItemView> items) {
        return new ImportProtocol(batch.id(), batch.key(), batch.source(), batch.kind().name(), batch.createdBy(),
                batch.scannedBy().orElse(batch.createdBy()), batch.createdAt(), clock.now(), items, department);
    }

    /** Server-side batches still open, to be continued after a restart (as seen by the server importer). */
    public List<ImportProgress> openServerBatches() {
        return unitOfWork.call(() -> imports.openServerBatches().stream()
                .map(batch -> progressOf(ImportOwner.SERVER_IMPORT.caller(Set.of()), batch)).toList());
    }

    /**
     * The identity a server-side job imports a batch as: the system's server importer, reaching only the department
     * the batch files into, so nothing it reads can place a document elsewhere.
     */
    public Caller serverImporter(long batchId) {
        return unitOfWork.call(() -> {
            ImportBatch batch = imports.find(batchId).filter(b -> b.ownedBy(ImportOwner.SERVER_IMPORT))
                    .orElseThrow(() -> ImportBatchAccess.missing(batchId));
            Optional<String> department = batch.department().map(Department::code).or(() -> batch.caseFile()
                    .flatMap(ImportService::reference).flatMap(caseFiles::findByReference)
                    .map(c -> c.department().code()));
            return ImportOwner.SERVER_IMPORT.caller(department.map(Set::of).orElse(Set.of()));
        });
    }

    /** Records a file that was refused before it could be handed in (unreadable, or a dangerous ZIP entry name). */
    public void recordRefused(Caller caller, long batchId, String path, String reason) {
        requireImporter(caller);
        unitOfWork.run(() -> writableBatch(caller, batchId));
        recordFailure(batchId, path, null, reason);
    }

    /** The folder or ZIP a server-side batch reads. */
    public Optional<String> serverPath(long batchId) {
        return unitOfWork.call(() -> imports.find(batchId).flatMap(ImportBatch::serverPath));
    }

    private ImportProgress progressOf(Caller viewer, ImportBatch batch) {
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
        List<Long> protocols = batch.protocolDocumentIds().stream().filter(d -> documentRepository.find(d)
                .map(document -> viewer.canSee(document.department().code())).orElse(false)).toList();
        return new ImportProgress(id, batch.key(), batch.source(), batch.kind().name(), state, total, received, done,
                failed, duplicates, tally.pagesReady(), pagesPerMinute, eta, batch.createdAt(), batch.createdBy(),
                batch.completedAt().orElse(null), protocols.isEmpty() ? null : protocols.get(0),
                batch.owner().name(), protocols);
    }

    // an item names its document only to a viewer who may open it
    private ImportItemView view(Caller viewer, ImportItem item) {
        Optional<Document> document = item.documentId().flatMap(documentRepository::find)
                .filter(d -> viewer.canSee(d.department().code()));
        return document.isPresent()
                ? ImportItemView.of(item, document.get().current().pageCount().orElse(null))
                : ImportItemView.withoutDocument(item);
    }

    private ImportBatch readableBatch(Caller caller, long id) {
        return ImportBatchAccess.readable(caller, imports.find(id).orElseThrow(() -> ImportBatchAccess.missing(id)));
    }

    private ImportBatch writableBatch(Caller caller, long id) {
        return ImportBatchAccess.writable(caller, imports.find(id).orElseThrow(() -> ImportBatchAccess.missing(id)));
    }

    // the same words as DocumentService for a department that is hidden or missing
    private Department visibleDepartment(Caller caller, String code) {
        return departments.findByCode(code.strip()).filter(d -> caller.canSee(d.code()))
                .orElseThrow(() -> new InvalidInputException("department", "no department " + code.strip()));
    }

    // the same words as DocumentService for a case file that is hidden or missing
    private CaseFile visibleCaseFile(Caller caller, String reference) {
        FileReference ref;
        try {
            ref = new FileReference(reference);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("caseFile", e.getMessage());
        }
        return caseFiles.findByReference(ref).filter(c -> caller.canSee(c.department().code()))
                .orElseThrow(() -> new InvalidInputException("caseFile", "no case file " + ref));
    }

    private static Optional<FileReference> reference(String value) {
        try {
            return Optional.of(new FileReference(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
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
