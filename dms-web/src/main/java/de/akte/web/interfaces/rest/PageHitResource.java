package de.akte.web.interfaces.rest;

import de.akte.core.application.search.PageHitService;
import de.akte.core.application.search.PageHits;
import de.akte.web.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The word boxes a query matches on a page image, for highlighting hits on the scan. Its own root resource (the
 * longer literal path wins over DocumentResource's /documents).
 */
@Path("/documents/{id}/pages/{n}/hits")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PageHitResource {

    private final PageHitService hits;
    private final CurrentCaller caller;

    @Inject
    public PageHitResource(PageHitService hits, CurrentCaller caller) {
        this.hits = hits;
        this.caller = caller;
    }

    /** For the CDI proxy and RESTEasy's resource validation; never used to serve requests. */
    public PageHitResource() {
        this(null, null);
    }

    @GET
    public PageHits hits(@PathParam("id") long documentId, @PathParam("n") int page, @QueryParam("q") String q) {
        return hits.hits(caller.get(), documentId, page, q);
    }
}
