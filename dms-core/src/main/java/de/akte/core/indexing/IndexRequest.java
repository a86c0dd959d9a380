package de.akte.core.indexing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * An outbox row: "the index entry of this document is stale". Written in the same transaction
 * as the change itself, so the index can never silently miss a committed change.
 */
@Entity
@Table(name = "index_outbox")
public class IndexRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "document_id", nullable = false)
    private long documentId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected IndexRequest() {
    }

    public IndexRequest(long documentId, Instant createdAt) {
        this.documentId = documentId;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public long documentId() {
        return documentId;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
