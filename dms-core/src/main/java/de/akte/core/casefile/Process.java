package de.akte.core.casefile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/** A Vorgang: one matter within a case file, grouping the documents that belong to it. */
@Entity
@Table(name = "process")
public class Process {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "case_file_id")
    private CaseFile caseFile;

    @Column(nullable = false, length = 500)
    private String title;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    protected Process() {
    }

    /** A new process; a closed (zdA) case file takes none ({@link CaseFileClosedException}). */
    public Process(CaseFile caseFile, String title, Instant createdAt, String createdBy) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a process needs a title");
        }
        Objects.requireNonNull(caseFile, "caseFile").requireOpen("it takes no new processes");
        this.caseFile = caseFile;
        this.title = title.strip();
        this.createdAt = Objects.requireNonNull(createdAt);
        this.createdBy = Objects.requireNonNull(createdBy);
    }

    public Long id() {
        return id;
    }

    public CaseFile caseFile() {
        return caseFile;
    }

    public String title() {
        return title;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }
}
