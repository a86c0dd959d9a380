package de.akte.core.application.imports;

import de.akte.core.application.documents.DocumentIntake;
import de.akte.core.application.documents.NewDocument;
import de.akte.core.audit.AuditAction;
import de.akte.core.audit.AuditTrail;
import de.akte.core.document.ContentDescriptor;
import de.akte.core.imports.ImportBatch;
import de.akte.core.imports.ImportRepository;
import de.akte.core.security.Caller;
import de.akte.core.shared.Clock;
import de.akte.core.shared.UnitOfWork;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Completing a batch: it closes, and its protocol (who, when, from where, each file's SHA-256 and document) is
 * kept as a document of its own.
 */
public class BatchClosing {

    private final UnitOfWork unitOfWork;
    private final ImportRepository imports;
    private final DocumentIntake documents;
    private final ImportReports reports;
    private final AuditTrail audit;
    private final Clock clock;

    public BatchClosing(UnitOfWork unitOfWork, ImportRepository imports, DocumentIntake documents,
                        ImportReports reports, AuditTrail audit, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.imports = imports;
        this.documents = documents;
        this.reports = reports;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The owner has handed in every file: the batch closes and its protocol is kept as a document, one for each
     * department its documents lie in, listing only that department's files, so that whoever may read a protocol
     * may open every document it names. Files that became no document (refused ones) are listed in the protocol of
     * the batch's department: the one it names, or the only one its documents lie in.
     */
    public ImportProgress complete(Caller caller, long batchId) {
        ImportBatchAccess.requireImporter(caller);
        List<ImportProtocol> parts = unitOfWork.call(() -> reports.departmentProtocols(caller,
                ImportBatchAccess.writable(caller, imports, batchId)));
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
            documents.committed();
        }
        return unitOfWork.call(() -> {
            ImportBatch batch = ImportBatchAccess.writable(caller, imports, batchId);
            batch.close(clock.now(), protocolDocuments, null);
            audit.record(caller.username(), AuditAction.UPDATE_METADATA, "import", Long.toString(batchId),
                    "completed; items=" + imports.countItems(batchId, null)
                            + (protocolDocuments.isEmpty() ? "" : "; protocol documents " + protocolDocuments));
            return reports.progressOf(caller, batch);
        });
    }
}
