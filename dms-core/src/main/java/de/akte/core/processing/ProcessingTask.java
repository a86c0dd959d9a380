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

    /** Times a worker took this task and never came back: a crash, a kill, a lease that ran out. */
    @Column(nullable = false)
    private int crashes;

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

    public int crashes() {
        return crashes;
    }

    /** Whether the given server's worker holds the task right now. */
    public boolean isHeldBy(String owner) {
        return state == ProcessingState.RUNNING && owner.equals(leaseOwner);
    }

    /** Whether a worker holds the task but its lease ran out before {@code now}: that worker is gone. */
    public boolean leaseRanOut(Instant now) {
        return state == ProcessingState.RUNNING && leaseUntil != null && leaseUntil.isBefore(now);
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

    /**
     * The worker that held the task did not come back: an {@code Error} stopped it, or the server died, or its lease
     * ran out. Counted; at {@code limit} the task is set aside for good (a file that takes a worker down would do it
     * again after every restart), else it goes back to the queue after {@code firstWait}, doubled with each crash, so
     * that an out-of-memory is not repeated in a tight loop.
     *
     * @return whether the task was set aside
     */
    public boolean workerLost(String cause, Instant now, Duration firstWait, int limit) {
        crashes++;
        lastError = truncate("worker lost: " + cause);
        leaseUntil = null;
        leaseOwner = null;
        updatedAt = now;
        if (crashes >= limit) {
            state = ProcessingState.SET_ASIDE;
            return true;
        }
        state = ProcessingState.PENDING;
        nextAttemptAt = now.plus(firstWait.multipliedBy(1L << Math.min(crashes - 1, 10)));
        return false;
    }

    /** Back to the queue at once, with a clean crash count: an administrator's retry. */
    public void requeue(Instant now) {
        crashes = 0;
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
