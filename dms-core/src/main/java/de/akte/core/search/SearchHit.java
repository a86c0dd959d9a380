package de.akte.core.search;

import java.util.List;

/**
 * One matching document.
 *
 * @param snippets passages of the text with matched words wrapped in {@code <mark>…</mark>}; all other text HTML-escaped
 * @param pages    1-based numbers of the pages whose text matched, ascending
 * @param date     the document's date (or the day it was received); null for entries indexed without one
 */
public record SearchHit(
        long documentId,
        String title,
        String caseFile,
        String department,
        String documentType,
        float score,
        List<String> snippets,
        List<Integer> pages,
        java.time.LocalDate date) {

    public SearchHit {
        snippets = List.copyOf(snippets);
        pages = List.copyOf(pages);
    }
}
