package de.akte.web.interfaces.rest;

import de.akte.core.application.filing.FilePlanNodeView;
import de.akte.core.application.filing.FilePlanService;
import de.akte.core.application.filing.NewFilePlanNode;
import de.akte.core.application.records.NodeRetentionView;
import de.akte.core.application.records.RetentionService;
import de.akte.core.application.records.ScheduleRequest;
import de.akte.core.shared.InvalidInputException;
import de.akte.web.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** The file plan (Aktenplan) and the retention schedules on its nodes. */
@Path("/file-plan")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class FilePlanResource {

    private final FilePlanService filePlan;
    private final RetentionService retention;
    private final CurrentCaller caller;

    @Inject
    public FilePlanResource(FilePlanService filePlan, RetentionService retention, CurrentCaller caller) {
        this.filePlan = filePlan;
        this.retention = retention;
        this.caller = caller;
    }

    /** For the CDI proxy and RESTEasy's resource validation; never used to serve requests. */
    public FilePlanResource() {
        this(null, null, null);
    }

    @GET
    @Path("nodes")
    public List<FilePlanNodeView> nodes() {
        return filePlan.nodes(caller.get());
    }

    @POST
    @Path("nodes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addNode(NewFilePlanNode request) {
        return Response.status(201).entity(filePlan.add(caller.get(), request)).build();
    }

    @GET
    @Path("nodes/{id}/retention")
    public NodeRetentionView retention(@PathParam("id") long id) {
        return retention.schedule(caller.get(), id);
    }

    @PUT
    @Path("nodes/{id}/retention")
    @Consumes(MediaType.APPLICATION_JSON)
    public NodeRetentionView defineRetention(@PathParam("id") long id, ScheduleRequest request) {
        if (request == null) {
            throw new InvalidInputException("body", "send the schedule as JSON");
        }
        return retention.defineSchedule(caller.get(), id, request);
    }

    @DELETE
    @Path("nodes/{id}/retention")
    public NodeRetentionView removeRetention(@PathParam("id") long id) {
        return retention.removeSchedule(caller.get(), id);
    }
}
