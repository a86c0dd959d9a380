package de.akte.core.application.search;

import de.akte.core.audit.AuditAction;
import de.akte.core.audit.ReadAudit;
import de.akte.core.search.SearchQuery;
import de.akte.core.search.SearchResult;
import de.akte.core.search.TextIndex;
import de.akte.core.security.Caller;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.shared.UnitOfWork;

/**
 * Full-text search limited to what the caller may see: hits, totals and facet counts alike. Every search is
 * audited with its query, filters and caller (never its results): who looked for a citizen's name is itself
 * personal data a data-protection officer must be able to show.
 */
public class SearchService {

    private final TextIndex index;
    private final UnitOfWork unitOfWork;
    private final ReadAudit audit;

    public SearchService(TextIndex index, UnitOfWork unitOfWork, ReadAudit audit) {
        this.index = index;
        this.unitOfWork = unitOfWork;
        this.audit = audit;
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
        String filters = "q=" + (request.q() == null ? "" : request.q()) + "; department=" + blank(request.department())
                + "; documentType=" + blank(request.documentType()) + "; caseFile=" + blank(request.caseFile())
                + "; from=" + (request.from() == null ? "" : request.from()) + "; to="
                + (request.to() == null ? "" : request.to());
        String query = request.q() == null || request.q().isBlank() ? "*" : request.q().strip();
        // the same search paged through within the window is one entry; other filters are another search
        unitOfWork.run(() -> audit.record(caller.username(), AuditAction.SEARCH, "search",
                query.length() > 200 ? query.substring(0, 200) : query, "search " + filters,
                filters + "; page=" + request.page()));
        return index.search(new SearchQuery(request.q(), caller.visibleDepartments(), blankToNull(request.department()),
                blankToNull(request.documentType()), blankToNull(request.caseFile()), request.from(), request.to(),
                request.page(), request.size()));
    }

    private static String blank(String s) {
        return s == null ? "" : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
