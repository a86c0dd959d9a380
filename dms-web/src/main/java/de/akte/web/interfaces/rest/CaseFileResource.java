package de.akte.web.interfaces.rest;

import de.akte.core.application.filing.CaseFileDetails;
import de.akte.core.application.records.CaseFileRetentionView;
import de.akte.core.application.records.RetentionService;
import de.akte.core.application.filing.CaseFileService;
import de.akte.core.application.filing.CaseFileView;
import de.akte.core.application.filing.NewCaseFile;
import de.akte.core.shared.Page;
import de.akte.core.shared.InvalidInputException;
import de.akte.web.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Case files (Akten) and their processes (Vorgänge). */
@Path("/case-files")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CaseFileResource {

    private final CaseFileService caseFiles;
    private final RetentionService retention;
    private final CurrentCaller caller;

    @Inject
    public CaseFileResource(CaseFileService caseFiles, RetentionService retention, CurrentCaller caller) {
        this.caseFiles = caseFiles;
        this.retention = retention;
        this.caller = caller;
    }

    /** For the CDI proxy and RESTEasy's resource validation; never used to serve requests. */
    public CaseFileResource() {
        this(null, null, null);
    }

    /** The body of {@code POST /api/case-files/{id}/close} (optional: the day, default today). */
    public record CloseRequest(String closedOn) {
    }

    /** The body of {@code POST /api/case-files/{id}/reopen}: why the closed file is reopened (required). */
    public record ReopenRequest(String reason) {
    }

    /** The body of {@code PUT /api/case-files/{id}/events/{name}}. */
    public record EventRequest(String date) {
    }

    /** The body of {@code POST /api/case-files}. */
    public record NewCaseFileRequest(String fileReference, String title, String department, String filePlanNode,
                                     String openedOn) {
    }

    /** The body of {@code POST /api/case-files/{id}/processes}. */
    public record NewProcessRequest(String title) {
    }

    @GET
    public Page<CaseFileView> find(@QueryParam("reference") String reference, @QueryParam("page") String page,
                                   @QueryParam("size") String size) {
        return caseFiles.findByReference(caller.get(), reference == null ? "" : reference, Params.page(page),
                Params.size(size));
    }

    @GET
    @Path("{id}")
    public CaseFileDetails get(@PathParam("id") long id) {
        return caseFiles.details(caller.get(), id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response open(NewCaseFileRequest request, @Context UriInfo uri) {
        if (request == null) {
            throw new InvalidInputException("body", "send the case file as JSON");
        }
        CaseFileView created = caseFiles.open(caller.get(), new NewCaseFile(request.fileReference(), request.title(),
                request.department(), request.filePlanNode(), Params.date(request.openedOn(), "openedOn")));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build())
                .entity(created).build();
    }

    @POST
    @Path("{id}/processes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response openProcess(@PathParam("id") long id, NewProcessRequest request) {
        if (request == null) {
            throw new InvalidInputException("body", "send the process as JSON");
        }
        return Response.status(201).entity(caseFiles.openProcess(caller.get(), id, request.title())).build();
    }

    /** Disposal date and action, the schedule and where it is inherited from, events and active holds. */
    @GET
    @Path("{id}/retention")
    public CaseFileRetentionView retention(@PathParam("id") long id) {
        return retention.retention(caller.get(), id);
    }

    /** zdA: closes the case file, starting its retention period. */
    @POST
    @Path("{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    public CaseFileRetentionView close(@PathParam("id") long id, CloseRequest request) {
        return retention.close(caller.get(), id,
                request == null ? null : Params.date(request.closedOn(), "closedOn"));
    }

    /** Reopens a closed case file; the body names the reason, which the audit trail keeps. */
    @POST
    @Path("{id}/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    public CaseFileRetentionView reopen(@PathParam("id") long id, ReopenRequest request) {
        return retention.reopen(caller.get(), id, request == null ? null : request.reason());
    }

    /** A request without a JSON body names no reason; it gets the same 400 that says a reason is needed. */
    @POST
    @Path("{id}/reopen")
    public CaseFileRetentionView reopenWithoutReason(@PathParam("id") long id) {
        return retention.reopen(caller.get(), id, null);
    }

    /** Records the day of a named event an EVENT-triggered schedule counts from. */
    @PUT
    @Path("{id}/events/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public CaseFileRetentionView recordEvent(@PathParam("id") long id, @PathParam("name") String name,
                                             EventRequest request) {
        if (request == null || request.date() == null) {
            throw new InvalidInputException("date", "send {\"date\": \"YYYY-MM-DD\"}");
        }
        return retention.recordEvent(caller.get(), id, name, Params.date(request.date(), "date"));
    }
}
