package de.akte.core.application.imports;

import de.akte.core.department.Department;
import de.akte.core.document.Document;
import de.akte.core.document.DocumentRepository;
import de.akte.core.imports.ImportBatch;
import de.akte.core.imports.ImportItem;
import de.akte.core.imports.ImportRepository;
import de.akte.core.imports.ImportState;
import de.akte.core.imports.ItemState;
import de.akte.core.security.Caller;
import de.akte.core.shared.Clock;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.shared.Page;
import de.akte.core.shared.UnitOfWork;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a batch shows: its progress, its files, its failures and its protocol. A file names its document only to
 * a viewer who may open it.
 */
public class ImportReports {

    private static final int MAX_PAGE_SIZE = 1000;

    private final UnitOfWork unitOfWork;
    private final ImportRepository imports;
    private final DocumentRepository documents;
    private final Clock clock;

    public ImportReports(UnitOfWork unitOfWork, ImportRepository imports, DocumentRepository documents, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.imports = imports;
        this.documents = documents;
        this.clock = clock;
    }

    /** The files of a batch in the order they came, optionally only those in one state. */
    public Page<ImportItemView> items(Caller caller, long batchId, String state, int page, int size) {
        ImportBatchAccess.requireImporter(caller);
        ItemState filter = parseState(state);
        Page.Request asked = Page.request(page, size, MAX_PAGE_SIZE);
        return unitOfWork.call(() -> {
            ImportBatchAccess.readable(caller, imports, batchId);
            List<ImportItemView> items = imports.items(batchId, filter, asked.offset(), asked.size()).stream()
                    .map(item -> view(caller, item)).toList();
            return asked.of(imports.countItems(batchId, filter), items);
        });
    }

    /** Files that failed, at import or later in processing, each with its reason. */
    public List<ImportItemView> failures(Caller caller, long batchId) {
        ImportBatchAccess.requireImporter(caller);
        return unitOfWork.call(() -> {
            ImportBatchAccess.readable(caller, imports, batchId);
            return imports.items(batchId, ItemState.FAILED, 0, Integer.MAX_VALUE).stream()
                    .map(item -> view(caller, item)).toList();
        });
    }

    /** The caller's own newest batches (an administrator's: everyone's, the system's too), newest first. */
    public List<ImportProgress> newest(Caller caller, int limit) {
        ImportBatchAccess.requireImporter(caller);
        if (limit < 1 || limit > 200) {
            throw new InvalidInputException("size", "size must be between 1 and 200");
        }
        return unitOfWork.call(() -> imports.newest(ImportBatchAccess.listedOwner(caller), limit)
                .stream().map(batch -> progressOf(caller, batch)).toList());
    }

    public ImportProgress progress(Caller caller, long batchId) {
        ImportBatchAccess.requireImporter(caller);
        return unitOfWork.call(() -> progressOf(caller, ImportBatchAccess.readable(caller, imports, batchId)));
    }

    /**
     * The import protocol: who imported what, when, from where, each file's SHA-256 and document. It lists only
     * this batch's files; a document the reader may not open (it was moved to another department since) is
     * listed without its id.
     */
    public ImportProtocol protocol(Caller caller, long batchId) {
        ImportBatchAccess.requireImporter(caller);
        return unitOfWork.call(() -> {
            ImportBatch batch = ImportBatchAccess.readable(caller, imports, batchId);
            List<ImportItemView> items = imports.items(batchId, null, 0, Integer.MAX_VALUE).stream()
                    .map(item -> view(caller, item)).toList();
            return protocolOf(batch, null, items);
        });
    }

    /**
     * The protocols of a completed batch, one for each department its documents lie in, listing only that
     * department's files (inside a unit of work). Files that became no document (refused ones) are listed in the
     * protocol of the batch's department: the one it names, or the only one its documents lie in.
     */
    List<ImportProtocol> departmentProtocols(Caller owner, ImportBatch batch) {
        Map<String, List<ImportItemView>> byDepartment = new TreeMap<>();
        List<ImportItemView> withoutDocument = new ArrayList<>();
        for (ImportItem item : imports.items(batch.id(), null, 0, Integer.MAX_VALUE)) {
            Optional<Document> document = item.documentId().flatMap(documents::find);
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

    /** The batch's progress as the viewer sees it (inside a unit of work). */
    ImportProgress progressOf(Caller viewer, ImportBatch batch) {
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
        List<Long> protocols = batch.protocolDocumentIds().stream().filter(d -> documents.find(d)
                .map(document -> viewer.canSee(document.department().code())).orElse(false)).toList();
        return new ImportProgress(id, batch.key(), batch.source(), batch.kind().name(), state, total, received, done,
                failed, duplicates, tally.pagesReady(), pagesPerMinute, eta, batch.createdAt(), batch.createdBy(),
                batch.completedAt().orElse(null), protocols.isEmpty() ? null : protocols.get(0),
                batch.owner().name(), protocols);
    }

    /** The item as the viewer sees it: it names its document only to a viewer who may open it. */
    ImportItemView view(Caller viewer, ImportItem item) {
        Optional<Document> document = item.documentId().flatMap(documents::find)
                .filter(d -> viewer.canSee(d.department().code()));
        return document.isPresent()
                ? ImportItemView.of(item, document.get().current().pageCount().orElse(null))
                : ImportItemView.withoutDocument(item);
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
}
