package de.akte.core.application.documents;

import de.akte.core.recognition.RecognizedContent;

import java.util.List;

/** The text of a document's current version, page by page, with the word boxes of scanned pages. */
public record DocumentText(long documentId, int version, String status, List<PageText> pages) {

    /**
     * The text of one page (1-based). For a scanned page: the size of the upright page image in pixels, its
     * resolution, how far the scan was turned to be upright, and each word's box in that image.
     *
     * @param source {@code TEXT} (the file's own text) or {@code OCR}
     */
    public record PageText(int page, String text, String source, int width, int height, int dpi, int rotation,
                           List<Word> words) {
        public PageText {
            words = List.copyOf(words);
        }

        static PageText of(int page, RecognizedContent content) {
            return new PageText(page, content.text(), content.source().name(), content.width(), content.height(),
                    content.dpi(), content.rotation(), content.words().stream()
                    .map(w -> new Word(w.text(), w.x(), w.y(), w.width(), w.height(), w.confidence())).toList());
        }
    }

    /** A recognised word and its box in pixels of the upright page image, origin top left. */
    public record Word(String text, int x, int y, int width, int height, int confidence) {
    }

    public DocumentText {
        pages = List.copyOf(pages);
    }
}
