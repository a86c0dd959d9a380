package de.akte.core.imports;

import de.akte.core.department.Department;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A bulk import: a folder, a ZIP or a hot-folder day of scans, identified by a key its owner chooses so that
 * running the same import again continues it instead of starting over. Keys are unique per owner: the same key
 * chosen by someone else is someone else's batch.
 */
@Entity
@Table(name = "import_batch", uniqueConstraints = @UniqueConstraint(name = "import_batch_owner_key",
        columnNames = {"owner", "batch_key"}))
public class ImportBatch {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String owner;

    @Column(name = "batch_key", nullable = false, length = 200)
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

    // one protocol per department the batch's documents lie in, so each is readable by all who may see it
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "import_protocol_document", joinColumns = @JoinColumn(name = "batch_id"))
    @Column(name = "document_id", nullable = false)
    private Set<Long> protocolDocumentIds = new HashSet<>();

    @Version
    private long version;

    protected ImportBatch() {
    }

    /**
     * @param owner     whose batch it is: only the owner opens, appends to and completes it
     * @param createdBy who asked for it (for a server-side import the administrator, for the protocol and audit)
     */
    public ImportBatch(ImportOwner owner, String key, String source, ImportKind kind, String serverPath,
                       Department department, String caseFile, String documentType, String scannedBy,
                       Integer expectedItems, Instant createdAt, String createdBy) {
        this.owner = Objects.requireNonNull(owner).name();
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

    public ImportOwner owner() {
        return new ImportOwner(owner);
    }

    public boolean ownedBy(ImportOwner candidate) {
        return owner.equals(candidate.name());
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

    /** The protocol documents written at completion, one per department, in the order of their ids. */
    public List<Long> protocolDocumentIds() {
        return List.copyOf(new TreeSet<>(protocolDocumentIds));
    }

    /** The sender says how many files to expect, e.g. when a re-run finds more or fewer. */
    public void expect(Integer items) {
        if (items != null) {
            this.expectedItems = items;
        }
    }

    /** Every file was handed in; the protocols are the documents with the given ids. */
    public void close(Instant at, Collection<Long> protocolDocuments, String reason) {
        this.state = ImportState.CLOSED;
        this.completedAt = at;
        this.protocolDocumentIds.clear();
        this.protocolDocumentIds.addAll(protocolDocuments);
        this.stateReason = reason;
    }
}
