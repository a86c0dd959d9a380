package de.akte.core.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A question to the registry: does this record belong to another department? Its detail may name other
 * departments and their case files, so only records officers and administrators ever see it.
 */
@Entity
@Table(name = "routing_request")
public class RoutingRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "document_id", nullable = false)
    private long documentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private RoutingCause cause;

    @Column(nullable = false, length = 2000)
    private String detail;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "resolved_by", length = 64)
    private String resolvedBy;

    @Column(length = 2000)
    private String resolution;

    protected RoutingRequest() {
    }

    public RoutingRequest(long documentId, RoutingCause cause, String detail, Instant createdAt) {
        this.documentId = documentId;
        this.cause = Objects.requireNonNull(cause, "cause");
        this.detail = limit(Objects.requireNonNull(detail, "detail"));
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    public Long id() {
        return id;
    }

    public long documentId() {
        return documentId;
    }

    public RoutingCause cause() {
        return cause;
    }

    public String detail() {
        return detail;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean isOpen() {
        return resolvedAt == null;
    }

    public Optional<String> resolution() {
        return Optional.ofNullable(resolution);
    }

    /** A records officer decided where the record belongs. */
    public void resolve(String by, Instant at, String how) {
        if (resolvedAt != null) {
            return;
        }
        resolvedBy = Objects.requireNonNull(by, "by");
        resolvedAt = Objects.requireNonNull(at, "at");
        resolution = limit(Objects.requireNonNull(how, "how"));
    }

    private static String limit(String text) {
        return text.length() > 2000 ? text.substring(0, 1997) + "..." : text;
    }
}
