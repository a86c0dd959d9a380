package de.akte.core.disposition;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/**
 * A blob that no record refers to any more and must be removed from storage. Written in the same
 * transaction that removed the rows, and removed only once the store deleted the blob: a crash or
 * a refusal by the store (retention still running) leaves it here to be retried.
 */
@Entity
@Table(name = "pending_blob_deletion")
public class PendingBlobDeletion {

    @Id
    @Column(length = 64)
    private String sha256;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error", length = 2000)
    private String lastError;

    protected PendingBlobDeletion() {
    }

    public PendingBlobDeletion(String sha256, Instant requestedAt) {
        this.sha256 = sha256;
        this.requestedAt = requestedAt;
    }

    public String sha256() {
        return sha256;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public int attempts() {
        return attempts;
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    public void failed(String error) {
        attempts++;
        lastError = error == null ? "unknown" : error.substring(0, Math.min(2000, error.length()));
    }
}
