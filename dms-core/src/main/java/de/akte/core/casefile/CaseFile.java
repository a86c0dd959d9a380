package de.akte.core.casefile;

import de.akte.core.department.Department;
import de.akte.core.fileplan.FilePlanNode;
import de.akte.core.shared.ConflictException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.MapKeyColumn;
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
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** An Akte: the case file that holds processes and documents under one file reference. */
@Entity
@Table(name = "case_file")
public class CaseFile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "file_reference", nullable = false, unique = true, length = 100)
    private String fileReference;

    @Column(nullable = false, length = 500)
    private String title;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "department_id")
    private Department department;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "file_plan_node_id")
    private FilePlanNode filePlanNode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CaseFileStatus status = CaseFileStatus.OPEN;

    @Column(name = "opened_on", nullable = false)
    private LocalDate openedOn;

    @Column(name = "closed_on")
    private LocalDate closedOn;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "case_file_event", joinColumns = @JoinColumn(name = "case_file_id"))
    @MapKeyColumn(name = "name", length = 100)
    @Column(name = "event_date", nullable = false)
    private Map<String, LocalDate> events = new HashMap<>();

    @Column(name = "appraisal_note", length = 500)
    private String appraisalNote;

    @Version
    private long version;

    protected CaseFile() {
    }

    public CaseFile(FileReference fileReference, String title, Department department, FilePlanNode filePlanNode,
                    LocalDate openedOn, Instant createdAt, String createdBy) {
        this.fileReference = fileReference.value();
        this.title = requireTitle(title);
        this.department = Objects.requireNonNull(department);
        this.filePlanNode = filePlanNode;
        this.openedOn = Objects.requireNonNull(openedOn);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.createdBy = Objects.requireNonNull(createdBy);
    }

    private static String requireTitle(String title) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a case file needs a title");
        }
        return title.strip();
    }

    public Long id() {
        return id;
    }

    public FileReference fileReference() {
        return new FileReference(fileReference);
    }

    public String title() {
        return title;
    }

    public Department department() {
        return department;
    }

    public Optional<FilePlanNode> filePlanNode() {
        return Optional.ofNullable(filePlanNode);
    }

    public CaseFileStatus status() {
        return status;
    }

    public LocalDate openedOn() {
        return openedOn;
    }

    public Optional<LocalDate> closedOn() {
        return Optional.ofNullable(closedOn);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    /** Whether the file is closed (zdA): it then takes no new, moved or changed documents and no processes. */
    public boolean isClosed() {
        return status == CaseFileStatus.CLOSED;
    }

    /**
     * Refuses a change of what the file holds while it is closed (zdA); {@code refusal} completes the sentence,
     * e.g. "it takes no new documents".
     *
     * @throws CaseFileClosedException when the file is closed
     */
    public void requireOpen(String refusal) {
        if (isClosed()) {
            throw new CaseFileClosedException(fileReference(), refusal);
        }
    }

    /** Closes the file (zdA) on the given day; the retention clock starts from it. */
    public void close(LocalDate on) {
        if (status == CaseFileStatus.CLOSED) {
            throw new ConflictException("case file " + fileReference + " is already closed");
        }
        if (on.isBefore(openedOn)) {
            throw new IllegalArgumentException("a case file cannot be closed before it was opened");
        }
        status = CaseFileStatus.CLOSED;
        closedOn = on;
    }

    /** Reopens a closed file; its retention clock stops until it is closed again. */
    public void reopen() {
        if (status == CaseFileStatus.OPEN) {
            throw new ConflictException("case file " + fileReference + " is open");
        }
        status = CaseFileStatus.OPEN;
        closedOn = null;
    }

    public void retitle(String newTitle) {
        this.title = requireTitle(newTitle);
    }

    /** Named events a retention period may start from (e.g. {@code Ende Bewilligungszeitraum}). */
    public Map<String, LocalDate> events() {
        return Map.copyOf(events);
    }

    /** Records (or moves) the day a named event happened. */
    public void recordEvent(String name, LocalDate on) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new IllegalArgumentException("an event needs a name of 1-100 characters");
        }
        events.put(name.strip(), Objects.requireNonNull(on, "date"));
    }

    /** Why the file waits for a person's appraisal instead of being disposed of, if it does. */
    public Optional<String> appraisalNote() {
        return Optional.ofNullable(appraisalNote);
    }

    /** Flags the file as waiting for appraisal ({@code null} clears the flag). */
    public void noteAppraisal(String note) {
        this.appraisalNote = note == null ? null : note.substring(0, Math.min(500, note.length()));
    }
}
