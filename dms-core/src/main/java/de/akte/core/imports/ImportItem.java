package de.akte.core.imports;

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
 * One file of a batch and what became of it; unique per batch and path, which is what makes a resumed import
 * skip what it already did. Together the items are the import protocol.
 */
@Entity
@Table(name = "import_item")
public class ImportItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "batch_id", nullable = false)
    private long batchId;

    @Column(nullable = false, length = 1000)
    private String path;

    @Column(length = 64)
    private String sha256;

    @Column(name = "size_bytes")
    private Long size;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ItemState state;

    @Column(name = "document_id")
    private Long documentId;

    @Column
    private Integer pages;

    @Column(length = 2000)
    private String reason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ImportItem() {
    }

    private ImportItem(long batchId, String path, String sha256, Long size, ItemState state, Long documentId,
                       String reason, Instant createdAt) {
        this.batchId = batchId;
        this.path = Objects.requireNonNull(path);
        this.sha256 = sha256;
        this.size = size;
        this.state = state;
        this.documentId = documentId;
        this.reason = reason == null ? null : (reason.length() > 2000 ? reason.substring(0, 1997) + "..." : reason);
        this.createdAt = createdAt;
    }

    /** A file that became the given document. */
    public static ImportItem imported(long batchId, String path, String sha256, long size, long documentId, Instant at) {
        return new ImportItem(batchId, path, sha256, size, ItemState.IMPORTED, documentId, null, at);
    }

    /** A file whose content the batch already holds, as the given document. */
    public static ImportItem duplicate(long batchId, String path, String sha256, long size, long documentId, Instant at) {
        return new ImportItem(batchId, path, sha256, size, ItemState.DUPLICATE, documentId,
                "same content as an earlier file of this batch", at);
    }

    /** A file that was refused. */
    public static ImportItem failed(long batchId, String path, String sha256, String reason, Instant at) {
        return new ImportItem(batchId, path, sha256, null, ItemState.FAILED, null, reason, at);
    }

    public Long id() {
        return id;
    }

    public long batchId() {
        return batchId;
    }

    public String path() {
        return path;
    }

    public Optional<String> sha256() {
        return Optional.ofNullable(sha256);
    }

    public Optional<Long> size() {
        return Optional.ofNullable(size);
    }

    public ItemState state() {
        return state;
    }

    public Optional<Long> documentId() {
        return Optional.ofNullable(documentId);
    }

    public Optional<Integer> pages() {
        return Optional.ofNullable(pages);
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
