package de.akte.core.application;

import java.util.List;

/** The text of a document's current version, page by page. */
public record DocumentText(long documentId, int version, String status, List<PageText> pages) {

    /** The text of one page (1-based). */
    public record PageText(int page, String text) {
    }

    public DocumentText {
        pages = List.copyOf(pages);
    }
}
