package de.akte.core.imports;

import de.akte.core.department.Department;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A bulk import: a folder, a ZIP or a hot-folder day of scans, identified by a key its sender chooses so that
 * running the same import again continues it instead of starting over.
 */
@Entity
@Table(name = "import_batch")
public class ImportBatch {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "batch_key", nullable = false, unique = true, length = 200)
    private String key;

    @Column(nullable = false, length = 1000)
    private String source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ImportKind kind;

    @Column(name = "server_path", length = 2000)
    private String serverPath;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "department_id")
    private Department department;

    @Column(name = "case_file", length = 100)
    private String caseFile;

    @Column(name = "document_type", length = 100)
    private String documentType;

    @Column(name = "scanned_by", length = 200)
    private String scannedBy;

    @Column(name = "expected_items")
    private Integer expectedItems;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ImportState state = ImportState.OPEN;

    @Column(name = "state_reason", length = 2000)
    private String stateReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "protocol_document_id")
    private Long protocolDocumentId;

    @Version
    private long version;

    protected ImportBatch() {
    }

    public ImportBatch(String key, String source, ImportKind kind, String serverPath, Department department,
                       String caseFile, String documentType, String scannedBy, Integer expectedItems,
                       Instant createdAt, String createdBy) {
        this.key = Objects.requireNonNull(key);
        this.source = Objects.requireNonNull(source);
        this.kind = Objects.requireNonNull(kind);
        this.serverPath = serverPath;
        this.department = department;
        this.caseFile = caseFile;
        this.documentType = documentType;
        this.scannedBy = scannedBy;
        this.expectedItems = expectedItems;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.createdBy = Objects.requireNonNull(createdBy);
    }

    public Long id() {
        return id;
    }

    public String key() {
        return key;
    }

    public String source() {
        return source;
    }

    public ImportKind kind() {
        return kind;
    }

    public Optional<String> serverPath() {
        return Optional.ofNullable(serverPath);
    }

    public Optional<Department> department() {
        return Optional.ofNullable(department);
    }

    public Optional<String> caseFile() {
        return Optional.ofNullable(caseFile);
    }

    public Optional<String> documentType() {
        return Optional.ofNullable(documentType);
    }

    public Optional<String> scannedBy() {
        return Optional.ofNullable(scannedBy);
    }

    public Optional<Integer> expectedItems() {
        return Optional.ofNullable(expectedItems);
    }

    public ImportState state() {
        return state;
    }

    public Optional<String> stateReason() {
        return Optional.ofNullable(stateReason);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Optional<Instant> completedAt() {
        return Optional.ofNullable(completedAt);
    }

    public Optional<Long> protocolDocumentId() {
        return Optional.ofNullable(protocolDocumentId);
    }

    /** The sender says how many files to expect, e.g. when a re-run finds more or fewer. */
    public void expect(Integer items) {
        if (items != null) {
            this.expectedItems = items;
        }
    }

    /** Every file was handed in; the protocol is the document with the given id. */
    public void close(Instant at, Long protocolDocument, String reason) {
        this.state = ImportState.CLOSED;
        this.completedAt = at;
        this.protocolDocumentId = protocolDocument;
        this.stateReason = reason;
    }
}
