package de.akte.core.processing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Persistent work: process one document version. Kept in the database, not in memory, so that
 * a crash or restart continues where it stopped.
 */
@Entity
@Table(name = "processing_task")
public class ProcessingTask {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "document_id", nullable = false)
    private long documentId;

    @Column(name = "version_number", nullable = false)
    private int versionNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ProcessingState state = ProcessingState.PENDING;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(name = "lease_owner", length = 200)
    private String leaseOwner;

    @Column(name = "last_error", length = 2000)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ProcessingTask() {
    }

    public ProcessingTask(long documentId, int versionNumber, Instant now) {
        this.documentId = documentId;
        this.versionNumber = versionNumber;
        this.nextAttemptAt = Objects.requireNonNull(now);
        this.createdAt = now;
        this.updatedAt = now;
    }

    public Long id() {
        return id;
    }

    public long documentId() {
        return documentId;
    }

    public int versionNumber() {
        return versionNumber;
    }

    public ProcessingState state() {
        return state;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public String lastError() {
        return lastError;
    }

    public void complete(Instant now) {
        state = ProcessingState.DONE;
        leaseUntil = null;
        leaseOwner = null;
        lastError = null;
        updatedAt = now;
    }

    /** A transient failure: try again later, backing off exponentially; gives up after maxAttempts. */
    public boolean retryLater(String error, Instant now, Duration baseBackoff, int maxAttempts) {
        lastError = truncate(error);
        leaseUntil = null;
        leaseOwner = null;
        updatedAt = now;
        if (attempts >= maxAttempts) {
            state = ProcessingState.FAILED;
            return false;
        }
        state = ProcessingState.PENDING;
        long factor = 1L << Math.min(attempts - 1, 10);
        nextAttemptAt = now.plus(baseBackoff.multipliedBy(factor));
        return true;
    }

    /**
     * Something the task needs is missing right now (e.g. Tesseract): wait and look again later. The attempt does
     * not count, so a document can wait for as long as it takes an administrator to install what is missing.
     */
    public void postpone(String reason, Instant now, Duration recheckAfter) {
        state = ProcessingState.PENDING;
        attempts = Math.max(0, attempts - 1);
        lastError = truncate(reason);
        leaseUntil = null;
        leaseOwner = null;
        nextAttemptAt = now.plus(recheckAfter);
        updatedAt = now;
    }

    /** A permanent failure: retrying the same bytes cannot help. */
    public void giveUp(String error, Instant now) {
        state = ProcessingState.FAILED;
        lastError = truncate(error);
        leaseUntil = null;
        leaseOwner = null;
        updatedAt = now;
    }

    /** Back to the queue at once (administrator retry, or a lease that ran out after a crash). */
    public void requeue(Instant now) {
        state = ProcessingState.PENDING;
        nextAttemptAt = now;
        leaseUntil = null;
        leaseOwner = null;
        updatedAt = now;
    }

    private static String truncate(String s) {
        String r = s == null ? "unknown error" : s;
        return r.length() > 2000 ? r.substring(0, 1997) + "..." : r;
    }
}
