package de.akte.core.disposition;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A Löschprotokoll: proof that a case file was destroyed (or removed after the archive took it),
 * on which legal basis and by whose decision. Kept in its own tables without foreign keys to the
 * removed rows, so it survives them.
 */
@Entity
@Table(name = "destruction_certificate")
public class DestructionCertificate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "disposal_id", nullable = false)
    private long disposalId;

    @Column(name = "case_file_id", nullable = false)
    private long caseFileId;

    @Column(name = "file_reference", nullable = false, length = 100)
    private String fileReference;

    @Column(nullable = false, length = 500)
    private String title;

    @Column(name = "department", nullable = false, length = 32)
    private String department;

    @Column(name = "disposal_date", nullable = false)
    private LocalDate disposalDate;

    @Column(name = "legal_basis", nullable = false, length = 1000)
    private String legalBasis;

    @Column(name = "proposed_by", nullable = false, length = 64)
    private String proposedBy;

    @Column(name = "approved_by", nullable = false, length = 64)
    private String approvedBy;

    @Column(name = "executed_by", nullable = false, length = 64)
    private String executedBy;

    @Column(name = "destroyed_at", nullable = false)
    private Instant destroyedAt;

    /** How it ended: destroyed by schedule, destroyed on the archive's appraisal, or taken by the archive. */
    @Column(nullable = false, length = 1000)
    private String outcome;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "destruction_certificate_version", joinColumns = @JoinColumn(name = "certificate_id"))
    @OrderColumn(name = "position")
    private List<CertifiedVersion> versions = new ArrayList<>();

    protected DestructionCertificate() {
    }

    public DestructionCertificate(long disposalId, long caseFileId, String fileReference, String title,
                                  String department, LocalDate disposalDate, String legalBasis, String proposedBy,
                                  String approvedBy, String executedBy, Instant destroyedAt, String outcome,
                                  List<CertifiedVersion> versions) {
        this.disposalId = disposalId;
        this.caseFileId = caseFileId;
        this.fileReference = fileReference;
        this.title = title;
        this.department = department;
        this.disposalDate = disposalDate;
        this.legalBasis = legalBasis;
        this.proposedBy = proposedBy;
        this.approvedBy = approvedBy;
        this.executedBy = executedBy;
        this.destroyedAt = destroyedAt;
        this.outcome = outcome;
        this.versions = new ArrayList<>(versions);
    }

    public Long id() {
        return id;
    }

    public long disposalId() {
        return disposalId;
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

    public String department() {
        return department;
    }

    public LocalDate disposalDate() {
        return disposalDate;
    }

    public String legalBasis() {
        return legalBasis;
    }

    public String proposedBy() {
        return proposedBy;
    }

    public String approvedBy() {
        return approvedBy;
    }

    public String executedBy() {
        return executedBy;
    }

    public Instant destroyedAt() {
        return destroyedAt;
    }

    public String outcome() {
        return outcome;
    }

    public List<CertifiedVersion> versions() {
        return List.copyOf(versions);
    }
}
