package de.akte.core.disposition;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One destroyed document version as the certificate remembers it: enough to prove what it was. */
@Embeddable
public class CertifiedVersion {

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

    @Column(name = "rendition_sha256", length = 64)
    private String renditionSha256;

    protected CertifiedVersion() {
    }

    public CertifiedVersion(long documentId, String documentTitle, int versionNumber, String fileName, String sha256,
                            String renditionSha256) {
        this.documentId = documentId;
        this.documentTitle = documentTitle;
        this.versionNumber = versionNumber;
        this.fileName = fileName;
        this.sha256 = sha256;
        this.renditionSha256 = renditionSha256;
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

    /** SHA-256 of the archival rendition, {@code null} when none was made. */
    public String renditionSha256() {
        return renditionSha256;
    }
}
