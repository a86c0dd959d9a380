package de.akte.web.interfaces.rest;

import de.akte.core.application.records.LegalHoldService;
import de.akte.core.application.records.LegalHoldView;
import de.akte.core.application.records.NewLegalHold;
import de.akte.core.shared.InvalidInputException;
import de.akte.web.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
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

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    /** The body of a request to lift a hold, or to turn such a request down. */
    public record LiftRequest(String reason) {
    }

    /**
     * The one-call form, kept for earlier clients. Four eyes: without a pending request this asks to lift
     * (202, the hold stays ACTIVE in state LIFT_REQUESTED); with another records officer's request waiting it lifts
     * (200); the requester calling again changes nothing (202).
     */
    @POST
    @Path("{id}/lift")
    public Response lift(@PathParam("id") long id, InputStream body) {
        LegalHoldView view = holds.lift(caller.get(), id, optionalReason(body));
        return Response.status(view.active() ? 202 : 200).entity(view).build();
    }

    /** The first records officer asks to lift the hold, with a reason → 202; it stays in force. */
    @POST
    @Path("{id}/lift-request")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response requestLift(@PathParam("id") long id, LiftRequest request) {
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            throw new InvalidInputException("reason", "say why the hold may be lifted");
        }
        return Response.status(202).entity(holds.requestLift(caller.get(), id, request.reason())).build();
    }

    /** A second, different records officer lifts the hold (403 for the one who asked). */
    @POST
    @Path("{id}/lift-approval")
    public LegalHoldView approveLift(@PathParam("id") long id) {
        return holds.approveLift(caller.get(), id);
    }

    /** Turns a request to lift down (or the requester withdraws it); the hold stays ACTIVE. */
    @POST
    @Path("{id}/lift-rejection")
    public LegalHoldView rejectLift(@PathParam("id") long id, InputStream body) {
        return holds.rejectLift(caller.get(), id, optionalReason(body));
    }

    /** The reason of an optional body {@code {"reason": "..."}}: earlier clients send none at all. */
    private static String optionalReason(InputStream body) {
        try {
            byte[] bytes = body == null ? new byte[0] : body.readAllBytes();
            if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
                return null;
            }
            try (JsonReader reader = Json.createReader(new ByteArrayInputStream(bytes))) {
                JsonValue reason = reader.readObject().get("reason");
                return reason instanceof JsonString text ? text.getString() : null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JsonException | ClassCastException e) {
            throw new InvalidInputException("body", "send nothing or {\"reason\": \"...\"}");
        }
    }
}
