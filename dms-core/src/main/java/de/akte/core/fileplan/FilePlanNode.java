package de.akte.core.fileplan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.util.Objects;
import java.util.Optional;

/** An Aktenplaneinheit: one position in the file plan (e.g. {@code 32.41 Gewerbeangelegenheiten}). */
@Entity
@Table(name = "file_plan_node")
public class FilePlanNode {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "file_plan_id")
    private FilePlan filePlan;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private FilePlanNode parent;

    @Column(nullable = false, length = 64)
    private String code;

    @Column(nullable = false, length = 300)
    private String title;

    protected FilePlanNode() {
    }

    public FilePlanNode(FilePlan filePlan, FilePlanNode parent, String code, String title) {
        this.filePlan = Objects.requireNonNull(filePlan);
        this.parent = parent;
        this.code = Objects.requireNonNull(code);
        this.title = Objects.requireNonNull(title);
    }

    public Long id() {
        return id;
    }

    public FilePlan filePlan() {
        return filePlan;
    }

    public Optional<FilePlanNode> parent() {
        return Optional.ofNullable(parent);
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }
}
