package de.akte.web.interfaces.rest;

import de.akte.core.application.processing.DocumentProcessor;
import de.akte.core.application.documents.DocumentService;
import de.akte.core.application.documents.DocumentText;
import de.akte.core.application.documents.DocumentView;
import de.akte.core.application.filing.FilingDecision;
import de.akte.core.application.filing.FilingService;
import de.akte.core.application.filing.Handover;
import de.akte.core.application.filing.RoutingDesk;
import de.akte.core.application.documents.MetadataChange;
import de.akte.core.application.documents.NewDocument;
import de.akte.core.application.documents.PageImageService;
import de.akte.core.application.documents.StoredContent;
import de.akte.core.application.documents.VersionView;
import de.akte.web.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Documents: upload, versions, downloads, text, metadata. */
@Path("/documents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DocumentResource {

    private final DocumentService documents;
    private final DocumentProcessor processor;
    private final FilingService filing;
    private final PageImageService pageImages;
    private final RoutingDesk routing;
    private final CurrentCaller caller;

    @Inject
    public DocumentResource(DocumentService documents, DocumentProcessor processor, FilingService filing,
                            PageImageService pageImages, RoutingDesk routing, CurrentCaller caller) {
        this.documents = documents;
        this.processor = processor;
        this.filing = filing;
        this.pageImages = pageImages;
        this.routing = routing;
        this.caller = caller;
    }

    /** For the CDI proxy and RESTEasy's resource validation; never used to serve requests. */
    public DocumentResource() {
        this(null, null, null, null, null, null);
    }

    /** The body of {@code POST /api/documents/{id}/handover}. */
    public record HandoverRequest(String department, String caseFile, String reason) {
    }

    /** The body of {@code POST /api/documents/{id}/filing}; absent fields keep the classifier's proposal. */
    public record FilingRequest(String documentType, String department, String caseFile) {
    }

    /** A metadata change as JSON; absent fields stay unchanged. */
    public record MetadataChangeRequest(String title, String documentType, String caseFile, String documentDate) {
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@Context HttpServletRequest request, @Context UriInfo uri) {
        try (MultipartForm form = MultipartForm.of(request)) {
            Part file = form.file("file");
            NewDocument command = new NewDocument(form.text("title"), form.text("caseFile"), form.text("department"),
                    form.text("documentType"), file.getSubmittedFileName());
            try (InputStream in = file.getInputStream()) {
                DocumentView created = documents.upload(caller.get(), command, in);
                return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build())
                        .entity(created).build();
            } catch (IOException e) {
                throw new UncheckedIOException("the upload could not be read", e);
            }
        }
    }

    @GET
    @Path("{id}")
    public DocumentView get(@PathParam("id") long id) {
        return documents.get(caller.get(), id);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public DocumentView change(@PathParam("id") long id, MetadataChangeRequest change) {
        if (change == null) {
            throw new de.akte.core.shared.InvalidInputException("body", "send the fields to change as JSON");
        }
        return documents.changeMetadata(caller.get(), id, new MetadataChange(change.title(), change.documentType(),
                change.caseFile(), Params.date(change.documentDate(), "documentDate")));
    }

    @GET
    @Path("{id}/versions")
    public List<VersionView> versions(@PathParam("id") long id) {
        return documents.versions(caller.get(), id);
    }

    @POST
    @Path("{id}/versions")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response addVersion(@PathParam("id") long id, @Context HttpServletRequest request, @Context UriInfo uri) {
        try (MultipartForm form = MultipartForm.of(request)) {
            Part file = form.file("file");
            try (InputStream in = file.getInputStream()) {
                VersionView created = documents.addVersion(caller.get(), id, file.getSubmittedFileName(), in);
                return Response.created(uri.getAbsolutePathBuilder().path(Integer.toString(created.version()))
                        .path("content").build()).entity(created).build();
            } catch (IOException e) {
                throw new UncheckedIOException("the upload could not be read", e);
            }
        }
    }

    /**
     * The original bytes. A version not passed by the malware scan (not scanned yet, infected, unscannable) or of a
     * quarantined document is withheld (403 with the reason); an administrator gets it with
     * {@code confirmQuarantined=true}, audited.
     */
    @GET
    @Path("{id}/versions/{n}/content")
    @Produces(MediaType.WILDCARD)
    public Response content(@PathParam("id") long id, @PathParam("n") int version,
                            @QueryParam("confirmQuarantined") boolean confirmQuarantined) {
        StoredContent content = documents.openContent(caller.get(), id, version, confirmQuarantined);
        return Downloads.of(content, content.version().fileName());
    }

    @GET
    @Path("{id}/versions/{n}/rendition")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    public Response rendition(@PathParam("id") long id, @PathParam("n") int version,
                              @QueryParam("confirmQuarantined") boolean confirmQuarantined) {
        StoredContent content = documents.openRendition(caller.get(), id, version, confirmQuarantined);
        String base = content.version().fileName().replaceAll("\\.[^.]*$", "");
        return Downloads.of(content, base + ".pdf");
    }

    /** Accepts or corrects how a document is filed (and files one by hand); the classifier learns from it. */
    @POST
    @Path("{id}/filing")
    @Consumes(MediaType.APPLICATION_JSON)
    public DocumentView file(@PathParam("id") long id, FilingRequest request) {
        FilingRequest r = request == null ? new FilingRequest(null, null, null) : request;
        return filing.file(caller.get(), id, new FilingDecision(r.documentType(), r.department(), r.caseFile()));
    }

    /**
     * Records officers and administrators: hands a document over to the department (and case file) where it
     * belongs, or keeps it in its own, answering the registry's routing requests on it; audited with the reason.
     */
    @POST
    @Path("{id}/handover")
    @Consumes(MediaType.APPLICATION_JSON)
    public DocumentView handOver(@PathParam("id") long id, HandoverRequest request) {
        HandoverRequest r = request == null ? new HandoverRequest(null, null, null) : request;
        return routing.handOver(caller.get(), id, new Handover(r.department(), r.caseFile(), r.reason()));
    }

    /**
     * Page n (1-based) of the current version as a PNG, upright; {@code width} in pixels (800 by default), rounded
     * up to a served width.
     */
    @GET
    @Path("{id}/pages/{n}/image")
    @Produces({"image/png", MediaType.APPLICATION_JSON})
    public Response pageImage(@PathParam("id") long id, @PathParam("n") int page, @QueryParam("width") String width) {
        byte[] png = pageImages.pageImage(caller.get(), id, page, Params.integer(width, "width", 800));
        return Response.ok(png, "image/png").header("Cache-Control", "private, max-age=3600")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    @GET
    @Path("{id}/text")
    public DocumentText text(@PathParam("id") long id) {
        return documents.text(caller.get(), id);
    }

    /** Administrator: put a failed document, or one set aside after crashing its worker, back into processing. */
    @POST
    @Path("{id}/retry")
    public Response retry(@PathParam("id") long id) {
        processor.retry(caller.get(), id);
        return Response.accepted(documents.get(caller.get(), id)).build();
    }
}
