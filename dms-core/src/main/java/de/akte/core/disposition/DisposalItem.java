package de.akte.core.disposition;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One case file in a disposal, with what identified it when proposed: the case file row itself
 * is gone after the disposal ran, so no foreign key.
 */
@Embeddable
public class DisposalItem {

    @Column(name = "case_file_id", nullable = false)
    private long caseFileId;

    @Column(name = "file_reference", nullable = false, length = 100)
    private String fileReference;

    @Column(nullable = false, length = 500)
    private String title;

    @Column(name = "disposal_date", nullable = false)
    private LocalDate disposalDate;

    @Column(name = "legal_basis", nullable = false, length = 1000)
    private String legalBasis;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private Appraisal appraisal;

    /** The fingerprint of the file's contents when the disposal was approved; null before (or if approved earlier). */
    @Column(name = "approved_fingerprint", length = 64)
    private String approvedFingerprint;

    protected DisposalItem() {
    }

    public DisposalItem(long caseFileId, String fileReference, String title, LocalDate disposalDate, String legalBasis) {
        this.caseFileId = caseFileId;
        this.fileReference = Objects.requireNonNull(fileReference);
        this.title = Objects.requireNonNull(title);
        this.disposalDate = Objects.requireNonNull(disposalDate);
        this.legalBasis = Objects.requireNonNull(legalBasis);
    }

    public long caseFileId() {
        return caseFileId;
    }

    public String fileReference() {
        return fileReference;
    }

    public String title() {
        return title;
    }

    public LocalDate disposalDate() {
        return disposalDate;
    }

    public String legalBasis() {
        return legalBasis;
    }

    public Optional<Appraisal> appraisal() {
        return Optional.ofNullable(appraisal);
    }

    void appraise(Appraisal decision) {
        this.appraisal = Objects.requireNonNull(decision);
    }

    /** The fingerprint of the contents the approval covers, see {@link CaseFileContents}. */
    public Optional<String> approvedFingerprint() {
        return Optional.ofNullable(approvedFingerprint);
    }

    void approved(String fingerprint) {
        this.approvedFingerprint = fingerprint;
    }

    /** Back to as proposed: no appraisal, no approved contents. */
    void sentBack() {
        this.appraisal = null;
        this.approvedFingerprint = null;
    }
}
