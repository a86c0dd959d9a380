package de.akte.core.document;

import de.akte.core.recognition.PageSource;
import de.akte.core.recognition.RecognizedContent;
import de.akte.core.recognition.WordBox;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.List;
import java.util.Objects;

/** The text of one page of a document version, as extracted or recognised, with its word boxes. */
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

    @Enumerated(EnumType.STRING)
    @Column(name = "source", nullable = false, length = 8)
    private PageSource source = PageSource.TEXT;

    @Column(name = "width_px", nullable = false)
    private int width;

    @Column(name = "height_px", nullable = false)
    private int height;

    @Column(name = "dpi", nullable = false)
    private int dpi;

    @Column(name = "rotation", nullable = false)
    private int rotation;

    // thousands of words a page: one column read with the page beats a row per word
    @Column(name = "word_boxes", columnDefinition = "text")
    private String wordBoxes;

    protected DocumentPage() {
    }

    public DocumentPage(long documentVersionId, int pageNumber, String text) {
        this(documentVersionId, pageNumber, RecognizedContent.text(text));
    }

    public DocumentPage(long documentVersionId, int pageNumber, RecognizedContent content) {
        this.documentVersionId = documentVersionId;
        this.pageNumber = pageNumber;
        this.text = Objects.requireNonNull(content.text());
        this.source = content.source();
        this.width = content.width();
        this.height = content.height();
        this.dpi = content.dpi();
        this.rotation = content.rotation();
        this.wordBoxes = content.words().isEmpty() ? null : WordBoxCodec.encode(content.words());
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

    /** The page's content as recognised, word boxes included. */
    public RecognizedContent content() {
        List<WordBox> words = wordBoxes == null ? List.of() : WordBoxCodec.decode(wordBoxes);
        return new RecognizedContent(text, source, width, height, dpi, rotation, words);
    }
}
