package de.akte.core.annotation;

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
 * A clerk's annotation (Vermerk) on one page of a document: a note or a highlighted area. Kept beside the
 * document, never in its blobs, so the original and its versions stay exactly as received.
 */
@Entity
@Table(name = "annotation")
public class Annotation {

    /** Longest note text accepted. */
    public static final int MAX_TEXT = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "document_id", nullable = false)
    private long documentId;

    @Column(name = "version_number", nullable = false)
    private int versionNumber;

    @Column(nullable = false)
    private int page;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AnnotationKind kind;

    @Column(name = "rect_x")
    private Double rectX;

    @Column(name = "rect_y")
    private Double rectY;

    @Column(name = "rect_width")
    private Double rectWidth;

    @Column(name = "rect_height")
    private Double rectHeight;

    @Column(name = "note_text", length = MAX_TEXT)
    private String text;

    @Column(nullable = false, length = 64)
    private String author;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Annotation() {
    }

    public Annotation(long documentId, int versionNumber, int page, AnnotationKind kind, Area area, String text,
                      String author, Instant now) {
        this.documentId = documentId;
        this.versionNumber = versionNumber;
        this.page = page;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.author = Objects.requireNonNull(author, "author");
        this.createdAt = now;
        change(area, text, now);
    }

    /** Replaces area and text. */
    public void change(Area area, String text, Instant now) {
        this.rectX = area == null ? null : area.x();
        this.rectY = area == null ? null : area.y();
        this.rectWidth = area == null ? null : area.width();
        this.rectHeight = area == null ? null : area.height();
        this.text = text;
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

    public int page() {
        return page;
    }

    public AnnotationKind kind() {
        return kind;
    }

    public Optional<Area> area() {
        return rectX == null ? Optional.empty() : Optional.of(new Area(rectX, rectY, rectWidth, rectHeight));
    }

    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    public String author() {
        return author;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public boolean writtenBy(String username) {
        return author.equals(username);
    }
}
