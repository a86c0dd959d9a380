package de.akte.core.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The single row naming the newest audit entry. Appending locks it, which serialises appends
 * so that the chain never forks, on one node or many.
 */
@Entity
@Table(name = "audit_chain_head")
public class AuditChainHead {

    static final long ID = 1L;

    @Id
    private long id;

    @Column(name = "last_sequence", nullable = false)
    private long lastSequence;

    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash;

    protected AuditChainHead() {
    }

    long lastSequence() {
        return lastSequence;
    }

    String lastHash() {
        return lastHash;
    }

    void advance(AuditEntry entry) {
        this.lastSequence = entry.sequence();
        this.lastHash = entry.hash();
    }
}
