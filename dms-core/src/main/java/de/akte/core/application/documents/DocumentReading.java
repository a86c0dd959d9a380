package de.akte.core.application.documents;

import de.akte.core.audit.AuditAction;
import de.akte.core.audit.AuditTrail;
import de.akte.core.audit.ReadAudit;
import de.akte.core.document.Document;
import de.akte.core.document.DocumentRepository;
import de.akte.core.document.DocumentVersion;
import de.akte.core.security.Access;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.NotFoundException;
import de.akte.core.shared.UnitOfWork;
import de.akte.core.storage.BlobId;
import de.akte.core.storage.BlobStore;

import java.util.List;

/**
 * Reading documents back: metadata, versions, original bytes, archival renditions and text. Every read is
 * audited in the transaction that looks the document up, before any byte leaves; a version not (yet) passed by
 * the malware scan is withheld.
 */
public class DocumentReading {

    private final UnitOfWork unitOfWork;
    private final DocumentRepository documents;
    private final BlobStore blobs;
    private final AuditTrail audit;
    private final ReadAudit reads;

    public DocumentReading(UnitOfWork unitOfWork, DocumentRepository documents, BlobStore blobs, AuditTrail audit,
                           ReadAudit reads) {
        this.unitOfWork = unitOfWork;
        this.documents = documents;
        this.blobs = blobs;
        this.audit = audit;
        this.reads = reads;
    }

    /** The document's metadata; the read is audited (once per user and document within the read window). */
    public DocumentView get(Caller caller, long documentId) {
        return unitOfWork.call(() -> {
            DocumentView view = DocumentView.of(visibleDocument(caller, documentId));
            reads.record(caller.username(), AuditAction.READ_METADATA, "document", Long.toString(documentId),
                    "metadata", "metadata of version " + view.currentVersion());
            return view;
        });
    }

    public List<VersionView> versions(Caller caller, long documentId) {
        return unitOfWork.call(() -> visibleDocument(caller, documentId).versions().stream()
                .map(VersionView::of).toList());
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
            return VersionView.of(v);
        });
        return new StoredContent(version, version.sha256(), version.size(), version.mediaType(),
                blobs.open(new BlobId(version.sha256())));
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
            return new Rendition(VersionView.of(v), blob);
        });
        return new StoredContent(rendition.version(), rendition.blob().sha256(), blobs.size(rendition.blob()),
                "application/pdf", blobs.open(rendition.blob()));
    }

    /** The text of the current version, page by page; withheld text is empty for all but an administrator. */
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

    private static String released(Document document, DocumentVersion version, boolean released) {
        return released ? "; WITHHELD content released to an administrator on confirmation (malware scan "
                + version.malwareScan() + document.statusReason().map(r -> ": " + r).orElse("") + ")" : "";
    }

    private static DocumentVersion version(Document document, int versionNumber) {
        return document.version(versionNumber).orElseThrow(() -> new NotFoundException("document " + document.id()
                + " has no version " + versionNumber));
    }

    /** Reads are audited in the transaction that looks the version up, before any byte leaves. */
    private void auditRead(Caller caller, long documentId, String details) {
        audit.record(caller.username(), AuditAction.READ_CONTENT, "document", Long.toString(documentId), details);
    }

    private Document visibleDocument(Caller caller, long id) {
        Document document = documents.find(id).orElseThrow(() -> new NotFoundException("no document " + id));
        return Access.visible(caller, document, id);
    }
}
