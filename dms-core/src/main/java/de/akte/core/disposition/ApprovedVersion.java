package de.akte.core.disposition;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.Objects;

/**
 * One document version of a case file as the second records officer approved its disposal: the disposal
 * destroys or transfers exactly these, and the certificate lists them.
 */
@Embeddable
public class ApprovedVersion {

    @Column(name = "case_file_id", nullable = false)
    private long caseFileId;

    @Column(name = "document_id", nullable = false)
    private long documentId;

    @Column(name = "document_title", nullable = false, length = 500)
    private String documentTitle;

    @Column(name = "version_number", nullable = false)
    private int versionNumber;

    @Column(name = "file_name", nullable = false, length = 255)
    private String fileName;

    @Column(nullable = false, length = 64)
    private String sha256;

    protected ApprovedVersion() {
    }

    public ApprovedVersion(long caseFileId, long documentId, String documentTitle, int versionNumber,
                           String fileName, String sha256) {
        this.caseFileId = caseFileId;
        this.documentId = documentId;
        this.documentTitle = Objects.requireNonNull(documentTitle);
        this.versionNumber = versionNumber;
        this.fileName = Objects.requireNonNull(fileName);
        this.sha256 = Objects.requireNonNull(sha256);
    }

    public long caseFileId() {
        return caseFileId;
    }

    public long documentId() {
        return documentId;
    }

    public String documentTitle() {
        return documentTitle;
    }

    public int versionNumber() {
        return versionNumber;
    }

    public String fileName() {
        return fileName;
    }

    public String sha256() {
        return sha256;
    }

    /** The same version with the same content (titles and file names may be edited meanwhile). */
    boolean sameContentAs(ApprovedVersion other) {
        return caseFileId == other.caseFileId && documentId == other.documentId
                && versionNumber == other.versionNumber && sha256.equals(other.sha256);
    }
}
