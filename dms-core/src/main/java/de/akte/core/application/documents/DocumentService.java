package de.akte.core.application.documents;

import de.akte.core.security.Access;
import de.akte.core.audit.AuditAction;
import de.akte.core.audit.AuditTrail;
import de.akte.core.audit.ReadAudit;
import de.akte.core.casefile.CaseFile;
import de.akte.core.casefile.CaseFileClosedException;
import de.akte.core.casefile.CaseFileRepository;
import de.akte.core.casefile.FileReference;
import de.akte.core.department.Department;
import de.akte.core.department.DepartmentRepository;
import de.akte.core.document.ContentDescriptor;
import de.akte.core.document.Document;
import de.akte.core.document.DocumentRepository;
import de.akte.core.document.DocumentVersion;
import de.akte.core.document.FileName;
import de.akte.core.indexing.IndexOutbox;
import de.akte.core.processing.ProcessingTask;
import de.akte.core.processing.ProcessingTaskRepository;
import de.akte.core.processing.ProcessingTrigger;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.Clock;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.shared.NotFoundException;
import de.akte.core.shared.UnitOfWork;
import de.akte.core.storage.BlobId;
import de.akte.core.storage.BlobStore;
import de.akte.core.storage.StoredBlob;
import de.akte.core.text.ContentTypeDetector;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Accepting documents and their versions, reading them back, changing their metadata. The
 * original bytes are always stored before the database learns of them, so a crash leaves at
 * worst an unreferenced blob, never a record without its content.
 */
public class DocumentService {

    /** Executables are not records; everything else is accepted and processed as far as it goes. */
    private static final Set<String> REFUSED_TYPES = Set.of(
            "application/x-msdownload", "application/x-dosexec", "application/x-executable",
            "application/x-elf", "application/x-sharedlib", "application/x-mach-o-executable");

    private static final int DETECTION_MARK = 1 << 20;

    private final UnitOfWork unitOfWork;
    private final DocumentRepository documents;
    private final CaseFileRepository caseFiles;
    private final DepartmentRepository departments;
    private final ProcessingTaskRepository tasks;
    private final IndexOutbox indexOutbox;
    private final BlobStore blobs;
    private final ContentTypeDetector detector;
    private final AuditTrail audit;
    private final Clock clock;
    private final UploadLimits limits;
    private final ProcessingTrigger trigger;
    private final ReadAudit reads;

    /** Records every read of metadata and text (no window); for tests and tools. */
    public DocumentService(UnitOfWork unitOfWork, DocumentRepository documents, CaseFileRepository caseFiles,
                           DepartmentRepository departments, ProcessingTaskRepository tasks, IndexOutbox indexOutbox,
                           BlobStore blobs, ContentTypeDetector detector, AuditTrail audit, Clock clock,
                           UploadLimits limits, ProcessingTrigger trigger) {
        this(unitOfWork, documents, caseFiles, departments, tasks, indexOutbox, blobs, detector, audit, clock, limits,
                trigger, new ReadAudit(audit, clock, Duration.ZERO));
    }

    public DocumentService(UnitOfWork unitOfWork, DocumentRepository documents, CaseFileRepository caseFiles,
                           DepartmentRepository departments, ProcessingTaskRepository tasks, IndexOutbox indexOutbox,
                           BlobStore blobs, ContentTypeDetector detector, AuditTrail audit, Clock clock,
                           UploadLimits limits, ProcessingTrigger trigger, ReadAudit reads) {
        this.unitOfWork = unitOfWork;
        this.documents = documents;
        this.caseFiles = caseFiles;
        this.departments = departments;
        this.tasks = tasks;
        this.indexOutbox = indexOutbox;
        this.blobs = blobs;
        this.detector = detector;
        this.audit = audit;
        this.clock = clock;
        this.limits = limits;
        this.trigger = trigger;
        this.reads = reads;
    }

    /** Accepts a new document: checks the request, stores the bytes, then records document and version 1. */
    public DocumentView upload(Caller caller, NewDocument request, InputStream content) {
        Access.requireAnyRole(caller, Role.CLERK, Role.SCANNER, Role.RECORDS_OFFICER, Role.ADMIN);
        fileName(request.fileName());
        optionalText(request.title(), "title", 500);
        optionalText(request.documentType(), "documentType", 100);
        // resolve references before touching storage: a wrong request must leave nothing behind
        unitOfWork.call(() -> place(caller, request.caseFile(), request.department()));
        ContentDescriptor stored = store(caller, request.fileName(), content);
        long id = unitOfWork.call(() -> create(caller, request, null, stored, null));
        trigger.workCommitted();
        return get(caller, id);
    }

    /**
     * Stores the bytes of a new document, first, before any row names them, and detects their type; the next
     * step is {@link #create}. Refuses empty files, executables and files over the size limit.
     */
    public ContentDescriptor store(Caller caller, String rawFileName, InputStream content) {
        Access.requireAnyRole(caller, Role.CLERK, Role.SCANNER, Role.RECORDS_OFFICER, Role.ADMIN);
        return accept(content, fileName(rawFileName)).descriptor();
    }

    /**
     * Records a document for stored content, with its processing task and audit entry. Runs in the caller's unit
     * of work, so that a caller can write its own rows (an import item) in the same transaction.
     *
     * @param documentDate the document's date if known (e.g. from an import manifest), else null
     * @param origin       where the document came from, for the audit trail, or null
     * @return the new document's id
     */
    public long create(Caller caller, NewDocument request, LocalDate documentDate, ContentDescriptor content,
                       String origin) {
        Access.requireAnyRole(caller, Role.CLERK, Role.SCANNER, Role.RECORDS_OFFICER, Role.ADMIN);
        FileName fileName = fileName(request.fileName());
        String title = optionalText(request.title(), "title", 500);
        String documentType = optionalText(request.documentType(), "documentType", 100);
        Placement p = place(caller, request.caseFile(), request.department());
        Document document = new Document(title != null ? title : fileName.baseName(), p.department(),
                p.caseFile(), null, documentType, clock.now(), caller.username());
        if (documentDate != null) {
            document.dateAs(documentDate);
        }
        DocumentVersion version = document.addVersion(content, clock.now(), caller.username());
        documents.add(document);
        tasks.add(new ProcessingTask(document.id(), version.number(), clock.now()));
        indexOutbox.enqueue(document.id());
        audit.record(caller.username(), AuditAction.CREATE, "document", document.id().toString(),
                "title=" + document.title() + "; version=1; sha256=" + content.sha256()
                        + "; department=" + p.department().code()
                        + (p.caseFile() != null ? "; caseFile=" + p.caseFile().fileReference() : "")
                        + (origin != null ? "; " + origin : ""));
        return document.id();
    }

    /** Adds a new version to a document; the earlier versions stay untouched. */
    public VersionView addVersion(Caller caller, long documentId, String rawFileName, InputStream content) {
        Access.requireAnyRole(caller, Role.CLERK, Role.SCANNER, Role.RECORDS_OFFICER, Role.ADMIN);
        FileName fileName = fileName(rawFileName);
        // refused before the bytes are stored: a document in a closed (zdA) case file takes no new version
        unitOfWork.run(() -> visibleDocument(caller, documentId).caseFile()
                .ifPresent(c -> c.requireOpen("its documents take no new versions")));
        Accepted accepted = accept(content, fileName);
        VersionView view = unitOfWork.call(() -> {
            Document document = visibleDocument(caller, documentId);
            DocumentVersion version = document.addVersion(accepted.descriptor(), clock.now(), caller.username());
            documents.add(version);
            tasks.add(new ProcessingTask(document.id(), version.number(), clock.now()));
            indexOutbox.enqueue(document.id());
            audit.record(caller.username(), AuditAction.NEW_VERSION, "document", document.id().toString(),
                    "version=" + version.number() + "; sha256=" + version.sha256());
            return toView(version);
        });
        trigger.workCommitted();
        return view;
    }

    /** The document's metadata; the read is audited (once per user and document within the read window). */
    public DocumentView get(Caller caller, long documentId) {
        return unitOfWork.call(() -> {
            DocumentView view = toView(visibleDocument(caller, documentId));
            reads.record(caller.username(), AuditAction.READ_METADATA, "document", Long.toString(documentId),
                    "metadata", "metadata of version " + view.currentVersion());
            return view;
        });
    }

    public List<VersionView> versions(Caller caller, long documentId) {
        return unitOfWork.call(() -> visibleDocument(caller, documentId).versions().stream()
                .map(DocumentService::toView).toList());
    }

    /** Opens the original bytes of a version for download and records the read in the audit trail. */
    public StoredContent openContent(Caller caller, long documentId, int versionNumber) {
        return openContent(caller, documentId, versionNumber, false);
    }

    /**
     * Opens the original bytes of a version for download and records the read in the audit trail. A version not
     * (yet) passed by the malware scan is withheld: only an administrator who confirms ({@code confirmQuarantined})
     * gets it, and the audit entry says so.
     */
    public StoredContent openContent(Caller caller, long documentId, int versionNumber, boolean confirmQuarantined) {
        VersionView version = unitOfWork.call(() -> {
            Document document = visibleDocument(caller, documentId);
            DocumentVersion v = version(document, versionNumber);
            boolean released = Access.requireReadable(caller, document, v, confirmQuarantined);
            auditRead(caller, documentId, "version=" + versionNumber + released(document, v, released));
            return toView(v);
        });
        return new StoredContent(version, version.sha256(), version.size(), version.mediaType(),
                blobs.open(new BlobId(version.sha256())));
    }

    /** Opens the archival rendition of a version, once processing has produced one. */
    public StoredContent openRendition(Caller caller, long documentId, int versionNumber) {
        return openRendition(caller, documentId, versionNumber, false);
    }

    /** Opens the archival rendition of a version; withheld like the original (see {@link #openContent}). */
    public StoredContent openRendition(Caller caller, long documentId, int versionNumber, boolean confirmQuarantined) {
        record Rendition(VersionView version, BlobId blob) {
        }
        Rendition rendition = unitOfWork.call(() -> {
            Document document = visibleDocument(caller, documentId);
            DocumentVersion v = version(document, versionNumber);
            boolean released = Access.requireReadable(caller, document, v, confirmQuarantined);
            BlobId blob = v.renditionSha256().map(BlobId::new)
                    .orElseThrow(() -> new NotFoundException("version " + versionNumber + " has no archival rendition yet"));
            auditRead(caller, documentId, "version=" + versionNumber + "; rendition" + released(document, v, released));
            return new Rendition(toView(v), blob);
        });
        return new StoredContent(rendition.version(), rendition.blob().sha256(), blobs.size(rendition.blob()),
                "application/pdf", blobs.open(rendition.blob()));
    }

    private static String released(Document document, DocumentVersion version, boolean released) {
        return released ? "; WITHHELD content released to an administrator on confirmation (malware scan "
                + version.malwareScan() + document.statusReason().map(r -> ": " + r).orElse("") + ")" : "";
    }

    private static DocumentVersion version(Document document, int versionNumber) {
        return document.version(versionNumber).orElseThrow(() -> new NotFoundException("document " + document.id()
                + " has no version " + versionNumber));
    }

    private DocumentVersion visibleVersion(Caller caller, long documentId, int versionNumber) {
        return visibleDocument(caller, documentId).version(versionNumber)
                .orElseThrow(() -> new NotFoundException("document " + documentId + " has no version " + versionNumber));
    }

    /** Reads are audited in the transaction that looks the version up, before any byte leaves. */
    private void auditRead(Caller caller, long documentId, String details) {
        audit.record(caller.username(), AuditAction.READ_CONTENT, "document", Long.toString(documentId), details);
    }

    public DocumentText text(Caller caller, long documentId) {
        return unitOfWork.call(() -> {
            Document document = visibleDocument(caller, documentId);
            DocumentVersion current = document.current();
            // a withheld version has no text for anyone but an administrator (and it has none before its scan)
            List<DocumentText.PageText> pages = Access.withheld(document, current) && !caller.has(Role.ADMIN)
                    ? List.of()
                    : documents.pagesOf(current.id()).stream()
                            .map(p -> DocumentText.PageText.of(p.pageNumber(), p.content())).toList();
            reads.record(caller.username(), AuditAction.READ_CONTENT, "document", Long.toString(documentId), "text",
                    "version=" + current.number() + "; text of " + pages.size() + " pages");
            return new DocumentText(document.id(), current.number(), document.status().name(), pages);
        });
    }

    /** Changes title, type, date or case file; audited and re-indexed in the same transaction. */
    public DocumentView changeMetadata(Caller caller, long documentId, MetadataChange change) {
        Access.requireAnyRole(caller, Role.CLERK, Role.RECORDS_OFFICER, Role.ADMIN);
        String title = optionalText(change.title(), "title", 500);
        String documentType = change.documentType() == null ? null : optionalTextAllowBlank(change.documentType());
        return unitOfWork.call(() -> {
            Document document = visibleDocument(caller, documentId);
            List<String> changes = new ArrayList<>();
            if (title != null && !title.equals(document.title())) {
                changes.add("title: " + document.title() + " -> " + title);
                document.retitle(title);
            }
            if (documentType != null && !documentType.equals(document.documentType().orElse(""))) {
                changes.add("documentType: " + document.documentType().orElse("") + " -> " + documentType);
                document.classifyAs(documentType);
            }
            if (change.documentDate() != null && !change.documentDate().equals(document.documentDate().orElse(null))) {
                changes.add("documentDate: " + document.documentDate().map(Object::toString).orElse("") + " -> "
                        + change.documentDate());
                document.dateAs(change.documentDate());
            }
            if (change.caseFile() != null) {
                CaseFile target = change.caseFile().isBlank() ? null : caseFileFor(caller, change.caseFile());
                String before = document.caseFile().map(c -> c.fileReference().value()).orElse("");
                String after = target == null ? "" : target.fileReference().value();
                if (!before.equals(after)) {
                    try {
                        document.fileInto(target, null);
                    } catch (CaseFileClosedException e) {
                        // a closed file is a state the clerk can change (reopen it), not a wrong input
                        throw e;
                    } catch (de.akte.core.shared.ConflictException e) {
                        throw new InvalidInputException("caseFile", e.getMessage());
                    }
                    changes.add("caseFile: " + before + " -> " + after);
                }
            }
            if (!changes.isEmpty()) {
                indexOutbox.enqueue(document.id());
                audit.record(caller.username(), AuditAction.UPDATE_METADATA, "document", document.id().toString(),
                        String.join("; ", changes));
            }
            return toView(document);
        });
    }

    private record Placement(Department department, CaseFile caseFile) {
    }

    private record Accepted(ContentDescriptor descriptor) {
    }

    private Placement place(Caller caller, String caseFileReference, String departmentCode) {
        CaseFile caseFile = caseFileReference == null || caseFileReference.isBlank()
                ? null : caseFileFor(caller, caseFileReference);
        if (caseFile != null) {
            // checked here too, so that an upload into a closed file stores no bytes
            caseFile.requireOpen("it takes no new documents");
        }
        Department department;
        if (departmentCode != null && !departmentCode.isBlank()) {
            department = departments.findByCode(departmentCode.strip())
                    .filter(d -> caller.canSee(d.code()))
                    .orElseThrow(() -> new InvalidInputException("department", "no department " + departmentCode.strip()));
            if (caseFile != null && !caseFile.department().code().equals(department.code())) {
                throw new InvalidInputException("caseFile", "case file " + caseFile.fileReference()
                        + " belongs to department " + caseFile.department().code() + ", not " + department.code());
            }
        } else if (caseFile != null) {
            department = caseFile.department();
        } else if (caller.departments().size() == 1) {
            department = departments.findByCode(caller.departments().iterator().next())
                    .orElseThrow(() -> new InvalidInputException("department", "your department no longer exists"));
        } else {
            throw new InvalidInputException("department",
                    "name the department or the case file the document belongs to");
        }
        return new Placement(department, caseFile);
    }

    private CaseFile caseFileFor(Caller caller, String reference) {
        FileReference ref;
        try {
            ref = new FileReference(reference);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("caseFile", e.getMessage());
        }
        return caseFiles.findByReference(ref)
                .filter(c -> caller.canSee(c.department().code()))
                .orElseThrow(() -> new InvalidInputException("caseFile", "no case file " + ref));
    }

    private Accepted accept(InputStream content, FileName fileName) {
        BufferedInputStream in = new BufferedInputStream(content, 64 * 1024);
        String mediaType;
        try {
            in.mark(DETECTION_MARK);
            int first = in.read();
            if (first < 0) {
                throw new InvalidInputException("file", "the file is empty");
            }
            in.reset();
            mediaType = detector.detect(in, fileName.value());
            in.reset();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the upload", e);
        }
        if (REFUSED_TYPES.contains(mediaType)) {
            throw new UnacceptableContentException("files of type " + mediaType + " are not accepted as records");
        }
        StoredBlob stored = blobs.put(in, limits.maxBytes());
        return new Accepted(new ContentDescriptor(stored.id().sha256(), stored.size(), mediaType, fileName.value()));
    }

    private Document visibleDocument(Caller caller, long id) {
        Document document = documents.find(id).orElseThrow(() -> new NotFoundException("no document " + id));
        return Access.visible(caller, document, id);
    }

    private static FileName fileName(String raw) {
        try {
            return new FileName(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("file", e.getMessage());
        }
    }

    private static String optionalText(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > maxLength) {
            throw new InvalidInputException(field, field + " is longer than " + maxLength + " characters");
        }
        return v;
    }

    private static String optionalTextAllowBlank(String value) {
        String v = value.strip();
        if (v.length() > 100) {
            throw new InvalidInputException("documentType", "documentType is longer than 100 characters");
        }
        return v;
    }

    public static DocumentView toView(Document d) {
        DocumentVersion current = d.versions().isEmpty() ? null : d.current();
        return new DocumentView(d.id(), d.title(), d.status().name(), d.statusReason().orElse(null),
                d.department().code(), d.caseFile().map(c -> c.fileReference().value()).orElse(null),
                d.caseFile().map(CaseFile::id).orElse(null),
                d.process().map(de.akte.core.casefile.Process::id).orElse(null),
                d.documentType().orElse(null), d.documentDate().orElse(null), d.currentVersion(), d.createdAt(),
                d.createdBy(), current == null ? java.util.Map.of() : current.metadata(),
                d.batchDocumentId().orElse(null),
                current == null ? List.of() : current.fields().stream()
                        .map(f -> new DocumentView.FieldView(f.kind(), f.value(), f.raw(), f.page(), f.start(), f.end()))
                        .toList(),
                d.filingState().map(Enum::name).orElse(null), classification(d), d.routingNote().orElse(null));
    }

    private static java.util.Map<String, DocumentView.PredictionView> classification(Document d) {
        java.util.Map<String, DocumentView.PredictionView> byLabel = new java.util.LinkedHashMap<>();
        d.predictions().forEach((label, p) -> byLabel.put(label.key(),
                new DocumentView.PredictionView(p.value(), p.confidence(), p.reason())));
        return byLabel;
    }

    public static VersionView toView(DocumentVersion v) {
        return new VersionView(v.number(), v.sha256(), v.size(), v.mediaType(), v.fileName(), v.createdAt(),
                v.createdBy(), v.renditionSha256().isPresent(), v.malwareScan().name());
    }
}
