package de.akte.core.document;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Objects;

/** The text of one page of a document version, as extracted or recognised. */
@Entity
@Table(name = "document_page")
public class DocumentPage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "document_version_id", nullable = false)
    private long documentVersionId;

    @Column(name = "page_number", nullable = false)
    private int pageNumber;

    @Column(name = "text_content", nullable = false, columnDefinition = "text")
    private String text;

    protected DocumentPage() {
    }

    public DocumentPage(long documentVersionId, int pageNumber, String text) {
        this.documentVersionId = documentVersionId;
        this.pageNumber = pageNumber;
        this.text = Objects.requireNonNull(text);
    }

    public long documentVersionId() {
        return documentVersionId;
    }

    public int pageNumber() {
        return pageNumber;
    }

    public String text() {
        return text;
    }
}
