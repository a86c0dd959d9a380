package de.akte.core.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One append-only line of the audit trail. Its hash covers its own content and the previous
 * entry's hash, so removing or changing any entry breaks the chain from there on.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    /** The "previous hash" of the very first entry. */
    public static final String GENESIS = "0".repeat(64);

    @Id
    private long sequence;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 64)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private AuditAction action;

    @Column(name = "target_type", nullable = false, length = 64)
    private String targetType;

    @Column(name = "target_id", nullable = false, length = 200)
    private String targetId;

    @Column(nullable = false, length = 4000)
    private String details;

    @Column(name = "previous_hash", nullable = false, length = 64)
    private String previousHash;

    @Column(nullable = false, length = 64)
    private String hash;

    protected AuditEntry() {
    }

    AuditEntry(long sequence, Instant occurredAt, String actor, AuditAction action, String targetType,
               String targetId, String details, String previousHash) {
        this.sequence = sequence;
        this.occurredAt = Objects.requireNonNull(occurredAt);
        this.actor = Objects.requireNonNull(actor);
        this.action = Objects.requireNonNull(action);
        this.targetType = Objects.requireNonNull(targetType);
        this.targetId = Objects.requireNonNull(targetId);
        this.details = details == null ? "" : (details.length() > 4000 ? details.substring(0, 4000) : details);
        this.previousHash = Objects.requireNonNull(previousHash);
        this.hash = computeHash();
    }

    /** The hash this entry should carry given its content; differs from {@link #hash()} after tampering. */
    public String computeHash() {
        String canonical = String.join("\u001f",
                Long.toString(sequence), occurredAt.toString(), actor, action.name(), targetType, targetId, details,
                previousHash);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public long sequence() {
        return sequence;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public AuditAction action() {
        return action;
    }

    public String targetType() {
        return targetType;
    }

    public String targetId() {
        return targetId;
    }

    public String details() {
        return details;
    }

    public String previousHash() {
        return previousHash;
    }

    public String hash() {
        return hash;
    }
}
