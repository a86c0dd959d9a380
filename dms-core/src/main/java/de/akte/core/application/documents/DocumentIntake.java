package de.akte.core.application.documents;

import de.akte.core.document.ContentDescriptor;
import de.akte.core.processing.ProcessingQueue;
import de.akte.core.security.Access;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.UnitOfWork;

import java.io.InputStream;
import java.time.LocalDate;

/**
 * Accepting documents and their versions. The original bytes are always stored before the database learns of
 * them, so a crash leaves at worst an unreferenced blob, never a record without its content.
 */
public class DocumentIntake {

    private final UnitOfWork unitOfWork;
    private final DocumentPlacement placement;
    private final IncomingContent content;
    private final ProcessingQueue queue;
    private final NewDocuments newDocuments;
    private final NewVersions newVersions;

    public DocumentIntake(UnitOfWork unitOfWork, DocumentPlacement placement, IncomingContent content,
                          ProcessingQueue queue, NewDocuments newDocuments, NewVersions newVersions) {
        this.unitOfWork = unitOfWork;
        this.placement = placement;
        this.content = content;
        this.queue = queue;
        this.newDocuments = newDocuments;
        this.newVersions = newVersions;
    }

    /**
     * Accepts a new document: checks the request, stores the bytes, then records document and version 1.
     * Returns the new document's id.
     */
    public long upload(Caller caller, NewDocument request, InputStream bytes) {
        requireContributor(caller);
        IncomingContent.fileName(request.fileName());
        DocumentTexts.optional(request.title(), "title", 500);
        DocumentTexts.optional(request.documentType(), "documentType", 100);
        // resolve references before touching storage: a wrong request must leave nothing behind
        unitOfWork.call(() -> placement.place(caller, request.caseFile(), request.department()));
        ContentDescriptor stored = store(caller, request.fileName(), bytes);
        long id = unitOfWork.call(() -> create(caller, request, null, stored, null));
        queue.workCommitted();
        return id;
    }

    /**
     * Stores the bytes of a new document, first, before any row names them, and detects their type; the next
     * step is {@link #create}. Refuses empty files, executables and files over the size limit.
     */
    public ContentDescriptor store(Caller caller, String rawFileName, InputStream bytes) {
        requireContributor(caller);
        return content.accept(bytes, IncomingContent.fileName(rawFileName));
    }

    /**
     * Records a document for stored content, with its processing task and audit entry. Runs in the caller's unit
     * of work, so that a caller can write its own rows (an import item) in the same transaction; once that
     * committed, the caller calls {@link #committed()}.
     *
     * @param documentDate the document's date if known (e.g. from an import manifest), else null
     * @param origin       where the document came from, for the audit trail, or null
     * @return the new document's id
     */
    public long create(Caller caller, NewDocument request, LocalDate documentDate, ContentDescriptor stored,
                       String origin) {
        return create(caller, request, documentDate, stored, origin, Provenance.NONE);
    }

    /**
     * As {@link #create(Caller, NewDocument, LocalDate, ContentDescriptor, String)}, for a document that belongs
     * with others: into a process of its case file, taken from another document (an e-mail's attachment from the
     * message), with metadata the intake already knew.
     */
    public long create(Caller caller, NewDocument request, LocalDate documentDate, ContentDescriptor stored,
                       String origin, Provenance provenance) {
        return newDocuments.create(caller, request, documentDate, stored, origin, provenance);
    }

    /** Wakes the processing workers after the caller's unit of work with {@link #create} calls committed. */
    public void committed() {
        queue.workCommitted();
    }

    /** Adds a new version to a document; the earlier versions stay untouched. */
    public VersionView addVersion(Caller caller, long documentId, String rawFileName, InputStream bytes) {
        return newVersions.addVersion(caller, documentId, rawFileName, bytes);
    }

    static void requireContributor(Caller caller) {
        Access.requireAnyRole(caller, Role.CLERK, Role.SCANNER, Role.RECORDS_OFFICER, Role.ADMIN);
    }
}
