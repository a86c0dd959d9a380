package de.akte.core.application.imports;

import de.akte.core.application.documents.DocumentPlacement;
import de.akte.core.audit.AuditAction;
import de.akte.core.audit.AuditTrail;
import de.akte.core.casefile.CaseFile;
import de.akte.core.department.Department;
import de.akte.core.imports.ImportBatch;
import de.akte.core.imports.ImportKind;
import de.akte.core.imports.ImportOwner;
import de.akte.core.imports.ImportRepository;
import de.akte.core.security.Access;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.Clock;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.shared.UnitOfWork;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static de.akte.core.application.imports.ImportTexts.blankToNull;
import static de.akte.core.application.imports.ImportTexts.required;

/**
 * Opening a batch, or continuing it when the same import runs again: by a client or the hot folder for its owner,
 * or on the server for the system's server importer, which reaches only the one department the batch files into.
 */
public class BatchOpening {

    private final UnitOfWork unitOfWork;
    private final ImportRepository imports;
    private final DocumentPlacement placement;
    private final ImportReports reports;
    private final AuditTrail audit;
    private final Clock clock;

    public BatchOpening(UnitOfWork unitOfWork, ImportRepository imports, DocumentPlacement placement,
                        ImportReports reports, AuditTrail audit, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.imports = imports;
        this.placement = placement;
        this.reports = reports;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Opens the caller's batch with this key, or continues it. A key someone else (a person or the system) uses is
     * no concern of the caller's: it opens the caller's own, separate batch.
     */
    public ImportService.Opened open(Caller caller, NewImport request) {
        ImportBatchAccess.requireImporter(caller);
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
    public ImportService.Opened openOnServer(Caller administrator, NewImport request) {
        Access.requireAnyRole(administrator, Role.ADMIN);
        if (request.serverPath() == null || request.serverPath().isBlank()) {
            throw new InvalidInputException("serverPath", "serverPath is required");
        }
        return openAs(ImportOwner.SERVER_IMPORT, administrator, ImportKind.SERVER, request, true);
    }

    private ImportService.Opened openAs(ImportOwner owner, Caller requester, ImportKind kind, NewImport request,
                                        boolean needsDepartment) {
        String key = required(request.key(), "key", 200);
        String source = required(request.source(), "source", 1000);
        return unitOfWork.call(() -> {
            Optional<ImportBatch> existing = imports.findByKey(owner, key);
            if (existing.isPresent()) {
                ImportBatch batch = existing.get();
                batch.expect(request.expectedItems());
                return new ImportService.Opened(reports.progressOf(requester, batch), true);
            }
            String caseFileReference = blankToNull(request.caseFile());
            CaseFile caseFile = caseFileReference == null ? null : placement.caseFile(requester, caseFileReference);
            Department department = null;
            if (request.department() != null && !request.department().isBlank()) {
                department = placement.department(requester, request.department());
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
            return new ImportService.Opened(reports.progressOf(requester, batch), false);
        });
    }

    /** Server-side batches still open, to be continued after a restart (as seen by the server importer). */
    public List<ImportProgress> openServerBatches() {
        return unitOfWork.call(() -> imports.openServerBatches().stream()
                .map(batch -> reports.progressOf(ImportOwner.SERVER_IMPORT.caller(Set.of()), batch)).toList());
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
                    .flatMap(placement::anyCaseFile).map(c -> c.department().code()));
            return ImportOwner.SERVER_IMPORT.caller(department.map(Set::of).orElse(Set.of()));
        });
    }

    /** The folder or ZIP a server-side batch reads. */
    public Optional<String> serverPath(long batchId) {
        return unitOfWork.call(() -> imports.find(batchId).flatMap(ImportBatch::serverPath));
    }
}
