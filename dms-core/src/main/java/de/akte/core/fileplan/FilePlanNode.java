package de.akte.core.fileplan;

import de.akte.core.retention.RetentionSchedule;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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

    @Embedded
    private RetentionSchedule retention;

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

    /** The schedule defined on this node itself (not inherited). */
    public Optional<RetentionSchedule> ownRetention() {
        return retention != null && retention.isDefined() ? Optional.of(retention) : Optional.empty();
    }

    /** The node that defines the schedule for this one: itself or the nearest ancestor with a schedule. */
    public Optional<FilePlanNode> retentionSource() {
        for (FilePlanNode n = this; n != null; n = n.parent) {
            if (n.ownRetention().isPresent()) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    /** Defines (or with {@code null} removes) this node's own schedule; nodes below without their own inherit it. */
    public void defineRetention(RetentionSchedule schedule) {
        this.retention = schedule;
    }
}
