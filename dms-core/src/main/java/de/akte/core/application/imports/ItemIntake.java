package de.akte.core.application.imports;

import de.akte.core.application.documents.DocumentIntake;
import de.akte.core.application.documents.NewDocument;
import de.akte.core.department.Department;
import de.akte.core.document.ContentDescriptor;
import de.akte.core.imports.ImportBatch;
import de.akte.core.imports.ImportItem;
import de.akte.core.imports.ImportRepository;
import de.akte.core.imports.ItemState;
import de.akte.core.security.Caller;
import de.akte.core.shared.Clock;
import de.akte.core.shared.ConflictException;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.shared.NotFoundException;
import de.akte.core.shared.UnitOfWork;

import java.io.InputStream;
import java.util.Optional;

import static de.akte.core.application.imports.ImportTexts.baseName;
import static de.akte.core.application.imports.ImportTexts.fileName;
import static de.akte.core.application.imports.ImportTexts.firstNonBlank;

/**
 * Handing in the files of a batch. Each file is stored and becomes a document exactly once: the item row (unique
 * per batch and path) is written in the same transaction as the document, so a crash or a re-run repeats nothing
 * and loses nothing.
 */
public class ItemIntake {

    private final UnitOfWork unitOfWork;
    private final ImportRepository imports;
    private final DocumentIntake documents;
    private final ImportReports reports;
    private final Clock clock;

    public ItemIntake(UnitOfWork unitOfWork, ImportRepository imports, DocumentIntake documents,
                      ImportReports reports, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.imports = imports;
        this.documents = documents;
        this.reports = reports;
        this.clock = clock;
    }

    /**
     * Imports one file into a batch; idempotent per batch and path. A file already imported is not stored again;
     * one whose content an earlier file of the batch had is recorded as a duplicate; a file that is refused is
     * recorded as failed with the reason and the exception is passed on.
     */
    public ImportService.Handed importItem(Caller caller, long batchId, ImportItemUpload upload, InputStream content) {
        ImportBatchAccess.requireImporter(caller);
        String path = ImportTexts.itemPath(upload.path());
        unitOfWork.call(() -> ImportBatchAccess.writable(caller, imports, batchId));
        Optional<ImportItem> earlier = unitOfWork.call(() -> imports.item(batchId, path));
        if (earlier.isPresent() && earlier.get().state() != ItemState.FAILED) {
            ImportItem done = earlier.get();
            if (upload.sha256() != null && done.sha256().isPresent()
                    && !done.sha256().get().equalsIgnoreCase(upload.sha256())) {
                throw new ConflictException(path + " was imported into this batch with other content (SHA-256 "
                        + done.sha256().get() + ")");
            }
            return new ImportService.Handed(reports.view(caller, done), false);
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
        ImportService.Handed handed;
        try {
            handed = unitOfWork.call(() -> record(caller, ImportBatchAccess.writable(caller, imports, batchId), path,
                    upload, stored));
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
        documents.committed();
        return handed;
    }

    private ImportService.Handed record(Caller caller, ImportBatch batch, String path, ImportItemUpload upload,
                                        ContentDescriptor stored) {
        long batchId = batch.id();
        Optional<ImportItem> existing = imports.item(batchId, path);
        if (existing.isPresent()) {
            if (existing.get().state() != ItemState.FAILED) {
                return new ImportService.Handed(reports.view(caller, existing.get()), false);
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
        return new ImportService.Handed(reports.view(caller, item), item.state() == ItemState.IMPORTED);
    }

    /** Records a file that was refused before it could be handed in (unreadable, or a dangerous ZIP entry name). */
    public void recordRefused(Caller caller, long batchId, String path, String reason) {
        ImportBatchAccess.requireImporter(caller);
        unitOfWork.run(() -> ImportBatchAccess.writable(caller, imports, batchId));
        recordFailure(batchId, path, null, reason);
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

    private static String reason(RuntimeException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
