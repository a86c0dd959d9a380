package de.akte.core.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the index knows of a document: its searchable text (one entry per page, page 1 first)
 * and the fields used for filters and facets.
 *
 * @param date  the document's date (from metadata) or, failing that, the day it was created; gives the year facet
 * @param notes the texts of the annotations clerks made on the document, searchable like its text
 */
public record IndexedDocument(
        long documentId,
        String title,
        String caseFile,
        String department,
        String documentType,
        LocalDate date,
        List<String> pages,
        Map<String, String> metadata,
        List<String> notes) {

    public IndexedDocument {
        pages = pages == null ? List.of() : List.copyOf(pages);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** A document without annotations. */
    public IndexedDocument(long documentId, String title, String caseFile, String department, String documentType,
                           LocalDate date, List<String> pages, Map<String, String> metadata) {
        this(documentId, title, caseFile, department, documentType, date, pages, metadata, List.of());
    }
}
