package de.akte.core.document;

import de.akte.core.casefile.CaseFile;
import de.akte.core.casefile.CaseFileClosedException;
import de.akte.core.casefile.Process;
import de.akte.core.classification.Label;
import de.akte.core.classification.Prediction;
import de.akte.core.department.Department;
import de.akte.core.shared.ConflictException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.CollectionTable;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Map;
import java.util.EnumMap;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A Dokument: one record with its versions, owned by a department and usually filed in a case file. */
@Entity
@Table(name = "document")
public class Document {

    private static final String TAKES_NO_NEW_DOCUMENTS = "it takes no new documents";
    private static final String GIVES_NO_DOCUMENTS_AWAY = "no document leaves it";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 500)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private DocumentStatus status = DocumentStatus.RECEIVED;

    @Column(name = "status_reason", length = 2000)
    private String statusReason;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "department_id")
    private Department department;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "case_file_id")
    private CaseFile caseFile;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "process_id")
    private Process process;

    @Column(name = "document_type", length = 100)
    private String documentType;

    @Column(name = "document_date")
    private LocalDate documentDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "filing_state", length = 16)
    private FilingState filingState;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "document_prediction", joinColumns = @JoinColumn(name = "document_id"))
    private List<StoredPrediction> predictions = new ArrayList<>();

    @Column(name = "routing_note", length = 500)
    private String routingNote;

    @Column(name = "batch_document_id")
    private Long batchDocumentId;

    @Column(name = "current_version", nullable = false)
    private int currentVersion;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @OneToMany(mappedBy = "document", cascade = CascadeType.PERSIST, orphanRemoval = false)
    @OrderBy("number ASC")
    private List<DocumentVersion> versions = new ArrayList<>();

    @Version
    private long version;

    protected Document() {
    }

    /**
     * A new document, filed at once when a case file is given: one of its own department, and a process of that
     * case file if any ({@link ConflictException}); a closed (zdA) case file takes none.
     */
    public Document(String title, Department department, CaseFile caseFile, Process process, String documentType,
                    Instant createdAt, String createdBy) {
        this.title = requireTitle(title);
        this.department = Objects.requireNonNull(department);
        requireFits(caseFile, process);
        if (caseFile != null) {
            caseFile.requireOpen(TAKES_NO_NEW_DOCUMENTS);
        }
        this.caseFile = caseFile;
        this.process = process;
        this.documentType = documentType;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.createdBy = Objects.requireNonNull(createdBy);
    }

    private static String requireTitle(String title) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a document needs a title");
        }
        return title.strip();
    }

    /**
     * Adds the next version (1, 2, …) and makes it current; processing starts again for it. A document in a
     * closed (zdA) case file takes no new version: the file is final until it is reopened.
     */
    public DocumentVersion addVersion(ContentDescriptor content, Instant at, String by) {
        if (caseFile != null) {
            caseFile.requireOpen("its documents take no new versions");
        }
        DocumentVersion next = new DocumentVersion(this, currentVersion + 1, content, at, by);
        versions.add(next);
        currentVersion = next.number();
        status = DocumentStatus.RECEIVED;
        statusReason = null;
        return next;
    }

    public Long id() {
        return id;
    }

    public String title() {
        return title;
    }

    public DocumentStatus status() {
        return status;
    }

    public Optional<String> statusReason() {
        return Optional.ofNullable(statusReason);
    }

    public Department department() {
        return department;
    }

    public Optional<CaseFile> caseFile() {
        return Optional.ofNullable(caseFile);
    }

    public Optional<Process> process() {
        return Optional.ofNullable(process);
    }

    public Optional<String> documentType() {
        return Optional.ofNullable(documentType);
    }

    public Optional<LocalDate> documentDate() {
        return Optional.ofNullable(documentDate);
    }

    public int currentVersion() {
        return currentVersion;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public List<DocumentVersion> versions() {
        return List.copyOf(versions);
    }

    public Optional<DocumentVersion> version(int number) {
        return versions.stream().filter(v -> v.number() == number).findFirst();
    }

    public DocumentVersion current() {
        return version(currentVersion).orElseThrow(() -> new IllegalStateException("document " + id + " has no versions"));
    }

    /** How the document was filed; empty while it is not recognised yet. */
    public Optional<FilingState> filingState() {
        return Optional.ofNullable(filingState);
    }

    /** The classifier's predictions, by label. */
    public Map<Label, Prediction> predictions() {
        Map<Label, Prediction> byLabel = new EnumMap<>(Label.class);
        predictions.forEach(p -> byLabel.put(p.label(), p.prediction()));
        return byLabel;
    }

    /** Keeps what the classifier predicted and where the document now stands. */
    public void classified(Map<Label, Prediction> predicted, FilingState state) {
        predictions.clear();
        predicted.forEach((label, prediction) -> predictions.add(new StoredPrediction(label, prediction)));
        filingState = state;
    }

    /** A person filed the document (or accepted the proposal). */
    public void filedByPerson() {
        filingState = FilingState.FILED;
    }

    /**
     * Moves the document to another department; a case file of the old department no longer holds it, so a
     * document in a closed (zdA) case file stays where it is.
     */
    public void moveTo(Department target) {
        if (!target.code().equals(department.code())) {
            if (caseFile != null) {
                caseFile.requireOpen(GIVES_NO_DOCUMENTS_AWAY);
            }
            department = Objects.requireNonNull(target);
            caseFile = null;
            process = null;
        }
    }

    /**
     * A neutral note for the document's own department that the registry was asked where the document belongs;
     * it names nothing of any other department.
     */
    public Optional<String> routingNote() {
        return Optional.ofNullable(routingNote);
    }

    /** Automation found a hint elsewhere: the registry decides, the department sees only this note. */
    public void awaitRouting(String note) {
        routingNote = note == null || note.isBlank() ? null : note.strip();
    }

    /** The registry decided where the document belongs. */
    public void routed() {
        routingNote = null;
    }

    /** The scanned batch (or the e-mail message) this document was cut from, if any. */
    public Optional<Long> batchDocumentId() {
        return Optional.ofNullable(batchDocumentId);
    }

    /** Marks this document as cut from the given scanned batch or e-mail message. */
    public void cutFrom(long batchId) {
        this.batchDocumentId = batchId;
    }

    public void startProcessing() {
        status = DocumentStatus.PROCESSING;
        statusReason = null;
    }

    public void markReady() {
        status = DocumentStatus.READY;
        statusReason = null;
    }

    /** Processing failed; the reason must be understandable by the clerk or scanner. */
    public void fail(String reason) {
        status = DocumentStatus.FAILED;
        statusReason = truncate(reason);
    }

    public void quarantine(String reason) {
        status = DocumentStatus.QUARANTINED;
        statusReason = truncate(reason);
    }

    /** Back to waiting, e.g. after an administrator asked for a retry. */
    public void awaitProcessing(String reason) {
        status = DocumentStatus.RECEIVED;
        statusReason = reason == null ? null : truncate(reason);
    }

    private static String truncate(String reason) {
        String r = reason == null || reason.isBlank() ? "unknown reason" : reason.strip();
        return r.length() > 2000 ? r.substring(0, 1997) + "..." : r;
    }

    public void retitle(String newTitle) {
        this.title = requireTitle(newTitle);
    }

    public void classifyAs(String newDocumentType) {
        this.documentType = newDocumentType == null || newDocumentType.isBlank() ? null : newDocumentType.strip();
    }

    public void dateAs(LocalDate date) {
        this.documentDate = date;
    }

    /**
     * Files the document into a case file (and optionally one of its processes) of the same department. Neither
     * a closed (zdA) case file it leaves nor one it enters may change: such a move throws
     * {@link CaseFileClosedException}.
     */
    public void fileInto(CaseFile target, Process targetProcess) {
        requireFits(target, targetProcess);
        if (!same(caseFile, target)) {
            if (caseFile != null) {
                caseFile.requireOpen(GIVES_NO_DOCUMENTS_AWAY);
            }
            if (target != null) {
                target.requireOpen(TAKES_NO_NEW_DOCUMENTS);
            }
        } else if (target != null && !same(process, targetProcess)) {
            target.requireOpen("its documents stay in their processes");
        }
        this.caseFile = target;
        this.process = targetProcess;
    }

    // a document lives in a case file of its own department, and in a process only of that case file
    private void requireFits(CaseFile target, Process targetProcess) {
        if (target != null && !target.department().code().equals(department.code())) {
            throw new ConflictException("case file " + target.fileReference() + " belongs to department "
                    + target.department().code() + ", the document to " + department.code());
        }
        if (targetProcess != null && (target == null || !same(targetProcess.caseFile(), target))) {
            throw new ConflictException("the process does not belong to the case file");
        }
    }

    private static boolean same(CaseFile a, CaseFile b) {
        return a == b || a != null && b != null && a.id() != null && a.id().equals(b.id());
    }

    private static boolean same(Process a, Process b) {
        return a == b || a != null && b != null && a.id() != null && a.id().equals(b.id());
    }
}
