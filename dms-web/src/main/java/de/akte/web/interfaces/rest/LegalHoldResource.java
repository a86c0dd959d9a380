package de.akte.web.interfaces.rest;

import de.akte.core.application.LegalHoldService;
import de.akte.core.application.LegalHoldView;
import de.akte.core.application.NewLegalHold;
import de.akte.web.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

/** Legal holds on case files and documents. */
@Path("/legal-holds")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LegalHoldResource {

    private final LegalHoldService holds;
    private final CurrentCaller caller;

    @Inject
    public LegalHoldResource(LegalHoldService holds, CurrentCaller caller) {
        this.holds = holds;
        this.caller = caller;
    }

    /** For the CDI proxy and RESTEasy's resource validation; never used to serve requests. */
    public LegalHoldResource() {
        this(null, null);
    }

    @GET
    public List<LegalHoldView> list(@QueryParam("active") String active, @QueryParam("page") String page,
                                    @QueryParam("size") String size) {
        return holds.list(caller.get(), "true".equalsIgnoreCase(active), Params.page(page), Params.size(size));
    }

    @GET
    @Path("{id}")
    public LegalHoldView get(@PathParam("id") long id) {
        return holds.get(caller.get(), id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response place(NewLegalHold request, @Context UriInfo uri) {
        LegalHoldView placed = holds.place(caller.get(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(placed.id())).build())
                .entity(placed).build();
    }

    @POST
    @Path("{id}/lift")
    public LegalHoldView lift(@PathParam("id") long id) {
        return holds.lift(caller.get(), id);
    }
}
