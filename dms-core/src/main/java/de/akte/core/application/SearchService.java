package de.akte.core.application;

import de.akte.core.search.SearchQuery;
import de.akte.core.search.SearchResult;
import de.akte.core.search.TextIndex;
import de.akte.core.security.Caller;
import de.akte.core.shared.InvalidInputException;

/** Full-text search limited to what the caller may see: hits, totals and facet counts alike. */
public class SearchService {

    private final TextIndex index;

    public SearchService(TextIndex index) {
        this.index = index;
    }

    public SearchResult search(Caller caller, SearchRequest request) {
        if (request.page() < 0) {
            throw new InvalidInputException("page", "page must not be negative");
        }
        if (request.size() < 1 || request.size() > 200) {
            throw new InvalidInputException("size", "size must be between 1 and 200");
        }
        if (request.from() != null && request.to() != null && request.from().isAfter(request.to())) {
            throw new InvalidInputException("from", "from must not be after to");
        }
        if (request.q() != null && request.q().length() > 1000) {
            throw new InvalidInputException("q", "the query is longer than 1000 characters");
        }
        return index.search(new SearchQuery(request.q(), caller.visibleDepartments(), blankToNull(request.department()),
                blankToNull(request.documentType()), blankToNull(request.caseFile()), request.from(), request.to(),
                request.page(), request.size()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
