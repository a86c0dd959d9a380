package de.akte.core.infrastructure.opensearch;

/** The facets of a search result, as {@link de.akte.core.search.SearchResult} names them. */
final class FacetNames {

    static final String DEPARTMENT = "department";
    static final String DOCUMENT_TYPE = "documentType";
    static final String YEAR = "year";

    private FacetNames() {
    }
}
