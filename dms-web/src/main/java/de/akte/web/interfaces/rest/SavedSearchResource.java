package de.akte.web.interfaces.rest;

import de.akte.core.application.search.SavedSearchService;
import de.akte.core.application.search.SavedSearchView;
import de.akte.core.shared.InvalidInputException;
import de.akte.web.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

/** The caller's own saved searches. */
@Path("/saved-searches")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SavedSearchResource {

    private final SavedSearchService searches;
    private final CurrentCaller caller;

    @Inject
    public SavedSearchResource(SavedSearchService searches, CurrentCaller caller) {
        this.searches = searches;
        this.caller = caller;
    }

    /** For the CDI proxy and RESTEasy's resource validation; never used to serve requests. */
    public SavedSearchResource() {
        this(null, null);
    }

    /** The body of {@code POST /api/saved-searches}: a name and the search's query string. */
    public record SavedSearchRequest(String name, String query) {
    }

    @GET
    public List<SavedSearchView> mine() {
        return searches.mine(caller.get());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response save(SavedSearchRequest request, @Context UriInfo uri) {
        if (request == null) {
            throw new InvalidInputException("body", "send name and query as JSON");
        }
        SavedSearchView saved = searches.save(caller.get(), request.name(), request.query());
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(saved.id())).build())
                .entity(saved).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        searches.delete(caller.get(), id);
        return Response.noContent().build();
    }
}
