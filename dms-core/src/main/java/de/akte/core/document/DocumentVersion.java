package de.akte.core.document;

import de.akte.core.scanning.MalwareScan;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** One immutable version of a document: which bytes, when, by whom. */
@Entity
@Table(name = "document_version")
public class DocumentVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "document_id")
    private Document document;

    @Column(name = "version_number", nullable = false)
    private int number;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(name = "media_type", nullable = false, length = 200)
    private String mediaType;

    @Column(name = "file_name", nullable = false, length = 255)
    private String fileName;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "page_count")
    private Integer pageCount;

    @Column(name = "rendition_sha256", length = 64)
    private String renditionSha256;

    @Enumerated(EnumType.STRING)
    @Column(name = "malware_scan", nullable = false, length = 16)
    private MalwareScan malwareScan = MalwareScan.PENDING;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "document_version_metadata", joinColumns = @JoinColumn(name = "document_version_id"))
    @MapKeyColumn(name = "name", length = 100)
    @Column(name = "entry_value", length = 4000)
    private Map<String, String> metadata = new HashMap<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "document_field", joinColumns = @JoinColumn(name = "document_version_id"))
    @OrderColumn(name = "position")
    private List<FieldOccurrence> fields = new ArrayList<>();

    protected DocumentVersion() {
    }

    DocumentVersion(Document document, int number, ContentDescriptor content, Instant createdAt, String createdBy) {
        this.document = Objects.requireNonNull(document);
        this.number = number;
        this.sha256 = content.sha256();
        this.size = content.size();
        this.mediaType = content.mediaType();
        this.fileName = content.fileName();
        this.createdAt = Objects.requireNonNull(createdAt);
        this.createdBy = Objects.requireNonNull(createdBy);
    }

    /** Where this version stands with the malware scan; only passing versions are shown to non-administrators. */
    public MalwareScan malwareScan() {
        return malwareScan;
    }

    public void recordScan(MalwareScan outcome) {
        if (outcome == MalwareScan.PENDING) {
            throw new IllegalArgumentException("a scan's outcome is never pending");
        }
        this.malwareScan = outcome;
    }

    public Long id() {
        return id;
    }

    public Document document() {
        return document;
    }

    public int number() {
        return number;
    }

    public String sha256() {
        return sha256;
    }

    public long size() {
        return size;
    }

    public String mediaType() {
        return mediaType;
    }

    public String fileName() {
        return fileName;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Optional<Integer> pageCount() {
        return Optional.ofNullable(pageCount);
    }

    public Optional<String> renditionSha256() {
        return Optional.ofNullable(renditionSha256);
    }

    public Map<String, String> metadata() {
        return Map.copyOf(metadata);
    }

    /**
     * Metadata under this prefix was given when the version arrived (an e-mail's sender, recipients, subject, date
     * and Message-ID): recognition keeps it and cannot overwrite it.
     */
    public static final String GIVEN_PREFIX = "mail.";

    /** Records what the intake knew of the content (keys under {@link #GIVEN_PREFIX}). */
    public void describe(Map<String, String> given) {
        given.forEach((k, v) -> {
            if (!k.startsWith(GIVEN_PREFIX)) {
                throw new IllegalArgumentException("metadata given at intake is named " + GIVEN_PREFIX + "…, not " + k);
            }
            put(k, v);
        });
    }

    private void put(String k, String v) {
        if (k != null && v != null && !v.isBlank()) {
            String key = k.length() > 100 ? k.substring(0, 100) : k;
            String value = v.length() > 4000 ? v.substring(0, 3997) + "..." : v;
            this.metadata.put(key, value);
        }
    }

    /** Records what processing learned about this version's content; what the intake gave stays. */
    public void recordRecognition(String detectedMediaType, int pages, Map<String, String> foundMetadata) {
        this.mediaType = Objects.requireNonNull(detectedMediaType);
        this.pageCount = pages;
        this.metadata.keySet().removeIf(k -> !k.startsWith(GIVEN_PREFIX));
        foundMetadata.forEach((k, v) -> {
            if (k != null && v != null && !v.isBlank() && !k.startsWith(GIVEN_PREFIX)) {
                String key = k.length() > 100 ? k.substring(0, 100) : k;
                String value = v.length() > 4000 ? v.substring(0, 4000) : v;
                this.metadata.put(key, value);
            }
        });
    }

    /** The fields (dates, file references, …) found in this version's text, in document order. */
    public List<FieldOccurrence> fields() {
        return List.copyOf(fields);
    }

    /** Replaces what was found in this version's text. */
    public void recordFields(List<FieldOccurrence> found) {
        this.fields.clear();
        this.fields.addAll(found);
    }

    public void attachRendition(String sha256OfRendition) {
        this.renditionSha256 = sha256OfRendition;
    }
}
