package de.akte.web.interfaces.rest;

import de.akte.core.application.records.DisposalService;
import de.akte.core.application.records.DisposalView;
import de.akte.core.application.records.DueCaseFile;
import de.akte.core.application.records.NewDisposal;
import de.akte.core.shared.Page;
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
import java.util.Map;

/** The disposal list and four-eyes disposals (Aussonderung). */
@Path("/disposals")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DisposalResource {

    private final DisposalService disposals;
    private final CurrentCaller caller;

    @Inject
    public DisposalResource(DisposalService disposals, CurrentCaller caller) {
        this.disposals = disposals;
        this.caller = caller;
    }

    /** For the CDI proxy and RESTEasy's resource validation; never used to serve requests. */
    public DisposalResource() {
        this(null, null);
    }

    /** The body of {@code POST /api/disposals/{id}/reject}. */
    public record Rejection(String reason) {
    }

    @GET
    @Path("due")
    public Page<DueCaseFile> due(@QueryParam("page") String page, @QueryParam("size") String size) {
        return disposals.due(caller.get(), Params.page(page), Params.size(size));
    }

    @GET
    public Page<DisposalView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return disposals.list(caller.get(), Params.page(page), Params.size(size));
    }

    @GET
    @Path("{id}")
    public DisposalView get(@PathParam("id") long id) {
        return disposals.get(caller.get(), id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response propose(NewDisposal request, @Context UriInfo uri) {
        DisposalView proposed = disposals.propose(caller.get(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(proposed.id())).build())
                .entity(proposed).build();
    }

    @POST
    @Path("{id}/approve")
    public DisposalView approve(@PathParam("id") long id) {
        return disposals.approve(caller.get(), id);
    }

    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public DisposalView reject(@PathParam("id") long id, Rejection rejection) {
        return disposals.reject(caller.get(), id, rejection == null ? null : rejection.reason());
    }

    @POST
    @Path("{id}/execute")
    public DisposalView execute(@PathParam("id") long id) {
        return disposals.execute(caller.get(), id);
    }

    /** Blobs of destroyed records the storage has not let go yet (e.g. still under Object Lock). */
    @GET
    @Path("pending-blob-deletions")
    public List<String> pending() {
        return disposals.pendingBlobDeletions(caller.get());
    }

    @POST
    @Path("pending-blob-deletions/retry")
    public Map<String, Integer> retry() {
        disposals.pendingBlobDeletions(caller.get());
        return Map.of("pending", disposals.retryBlobDeletions());
    }
}
