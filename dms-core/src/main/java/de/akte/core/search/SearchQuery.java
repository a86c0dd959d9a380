package de.akte.core.search;

import java.time.LocalDate;
import java.util.Set;

/**
 * A full-text search with filters and paging.
 *
 * @param text               the user's query (German analysis; words are AND-ed); blank matches every document
 * @param visibleDepartments department codes the caller may see; {@code null} means all departments
 * @param department         filter on a department code, or null
 * @param documentType       filter on a document type, or null
 * @param caseFile           filter on a case file reference, or null
 * @param from               earliest document date (inclusive), or null
 * @param to                 latest document date (inclusive), or null
 * @param page               zero-based page of results
 * @param size               results per page
 */
public record SearchQuery(
        String text,
        Set<String> visibleDepartments,
        String department,
        String documentType,
        String caseFile,
        LocalDate from,
        LocalDate to,
        int page,
        int size) {

    public SearchQuery {
        visibleDepartments = visibleDepartments == null ? null : Set.copyOf(visibleDepartments);
        if (page < 0) {
            throw new IllegalArgumentException("page must not be negative");
        }
        if (size < 1 || size > 200) {
            throw new IllegalArgumentException("size must be between 1 and 200");
        }
    }

    /** A query over everything visible, first page of 20. */
    public static SearchQuery of(String text, Set<String> visibleDepartments) {
        return new SearchQuery(text, visibleDepartments, null, null, null, null, null, 0, 20);
    }
}
