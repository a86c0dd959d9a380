package de.akte.web.interfaces.rest;

import de.akte.core.application.search.SearchRequest;
import de.akte.core.application.search.SearchService;
import de.akte.core.search.SearchResult;
import de.akte.web.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Full-text search over what the caller may see. */
@Path("/search")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    private final SearchService search;
    private final CurrentCaller caller;

    @Inject
    public SearchResource(SearchService search, CurrentCaller caller) {
        this.search = search;
        this.caller = caller;
    }

    /** For the CDI proxy and RESTEasy's resource validation; never used to serve requests. */
    public SearchResource() {
        this(null, null);
    }

    @GET
    public SearchResult search(@QueryParam("q") String q, @QueryParam("department") String department,
                               @QueryParam("documentType") String documentType, @QueryParam("caseFile") String caseFile,
                               @QueryParam("from") String from, @QueryParam("to") String to,
                               @QueryParam("page") String page, @QueryParam("size") String size) {
        return search.search(caller.get(), new SearchRequest(q, department, documentType, caseFile,
                Params.date(from, "from"), Params.date(to, "to"), Params.page(page), Params.size(size)));
    }
}
