package de.akte.web.interfaces.rest;

import de.akte.core.annotation.Area;
import de.akte.core.application.annotations.AnnotationService;
import de.akte.core.application.annotations.AnnotationView;
import de.akte.core.application.annotations.NewAnnotation;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

/**
 * Annotations (Vermerke) on a document's pages. A root resource of its own: JAX-RS prefers the root path with more
 * literal characters, so these requests come here and every other /documents path stays with DocumentResource.
 */
@Path("/documents/{id}/annotations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AnnotationResource {

    private final AnnotationService annotations;
    private final CurrentCaller caller;

    @Inject
    public AnnotationResource(AnnotationService annotations, CurrentCaller caller) {
        this.annotations = annotations;
        this.caller = caller;
    }

    /** For the CDI proxy and RESTEasy's resource validation; never used to serve requests. */
    public AnnotationResource() {
        this(null, null);
    }

    /** The body of POST and PUT: page (1-based), kind NOTE or HIGHLIGHT, optional area (relative 0..1), text. */
    public record AnnotationRequest(Integer page, String kind, AreaRequest area, String text) {
    }

    /** A rectangle in relative page coordinates, origin top left. */
    public record AreaRequest(Double x, Double y, Double width, Double height) {
    }

    @GET
    public List<AnnotationView> list(@PathParam("id") long documentId) {
        return annotations.list(caller.get(), documentId);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@PathParam("id") long documentId, AnnotationRequest request, @Context UriInfo uri) {
        AnnotationView created = annotations.add(caller.get(), documentId, command(request));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build())
                .entity(created).build();
    }

    @PUT
    @Path("{annotationId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public AnnotationView change(@PathParam("id") long documentId, @PathParam("annotationId") long annotationId,
                                 AnnotationRequest request) {
        return annotations.change(caller.get(), documentId, annotationId, command(request));
    }

    @DELETE
    @Path("{annotationId}")
    public Response remove(@PathParam("id") long documentId, @PathParam("annotationId") long annotationId) {
        annotations.remove(caller.get(), documentId, annotationId);
        return Response.noContent().build();
    }

    private static NewAnnotation command(AnnotationRequest request) {
        if (request == null) {
            throw new InvalidInputException("body", "send the annotation as JSON");
        }
        Area area = null;
        AreaRequest a = request.area();
        if (a != null) {
            if (a.x() == null || a.y() == null || a.width() == null || a.height() == null) {
                throw new InvalidInputException("area", "an area needs x, y, width and height");
            }
            area = new Area(a.x(), a.y(), a.width(), a.height());
        }
        return new NewAnnotation(request.page(), request.kind(), area, request.text());
    }
}
