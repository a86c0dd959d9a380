package de.akte.core.application.documents;

import de.akte.core.security.Caller;

import java.io.InputStream;
import java.util.List;

/**
 * The documents feature's requests: accepting documents and versions ({@link DocumentIntake}), reading them back
 * ({@link DocumentReading}) and changing their metadata ({@link MetadataChanges}).
 */
public class DocumentService {

    private final DocumentIntake intake;
    private final DocumentReading reading;
    private final MetadataChanges metadata;

    public DocumentService(DocumentIntake intake, DocumentReading reading, MetadataChanges metadata) {
        this.intake = intake;
        this.reading = reading;
        this.metadata = metadata;
    }

    /** Accepts a new document and answers with its metadata (a read of the uploader's, audited as such). */
    public DocumentView upload(Caller caller, NewDocument request, InputStream content) {
        return reading.get(caller, intake.upload(caller, request, content));
    }

    /** Adds a new version to a document; the earlier versions stay untouched. */
    public VersionView addVersion(Caller caller, long documentId, String rawFileName, InputStream content) {
        return intake.addVersion(caller, documentId, rawFileName, content);
    }

    /** The document's metadata; the read is audited (once per user and document within the read window). */
    public DocumentView get(Caller caller, long documentId) {
        return reading.get(caller, documentId);
    }

    public List<VersionView> versions(Caller caller, long documentId) {
        return reading.versions(caller, documentId);
    }

    /** Opens the original bytes of a version for download and records the read in the audit trail. */
    public StoredContent openContent(Caller caller, long documentId, int versionNumber) {
        return reading.openContent(caller, documentId, versionNumber, false);
    }

    /** Opens the original bytes of a version; a withheld version only for an administrator who confirms. */
    public StoredContent openContent(Caller caller, long documentId, int versionNumber, boolean confirmQuarantined) {
        return reading.openContent(caller, documentId, versionNumber, confirmQuarantined);
    }

    /** Opens the archival rendition of a version, once processing has produced one. */
    public StoredContent openRendition(Caller caller, long documentId, int versionNumber) {
        return reading.openRendition(caller, documentId, versionNumber, false);
    }

    /** Opens the archival rendition of a version; withheld like the original. */
    public StoredContent openRendition(Caller caller, long documentId, int versionNumber, boolean confirmQuarantined) {
        return reading.openRendition(caller, documentId, versionNumber, confirmQuarantined);
    }

    public DocumentText text(Caller caller, long documentId) {
        return reading.text(caller, documentId);
    }

    /** Changes title, type, date or case file; audited and re-indexed in the same transaction. */
    public DocumentView changeMetadata(Caller caller, long documentId, MetadataChange change) {
        return metadata.change(caller, documentId, change);
    }
}
