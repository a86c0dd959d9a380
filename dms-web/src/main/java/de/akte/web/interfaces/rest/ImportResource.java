package de.akte.web.interfaces.rest;

import de.akte.core.application.imports.ImportItemUpload;
import de.akte.core.application.imports.ImportItemView;
import de.akte.core.application.imports.ImportProgress;
import de.akte.core.application.imports.ImportProtocol;
import de.akte.core.application.imports.ImportService;
import de.akte.core.application.imports.NewImport;
import de.akte.core.shared.Page;
import de.akte.core.imports.ImportKind;
import de.akte.core.imports.ImportRoots;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.ForbiddenException;
import de.akte.core.shared.InvalidInputException;
import de.akte.ingest.imports.ImportOpening;
import de.akte.ingest.imports.ImportRequest;
import de.akte.web.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Bulk imports: batches that scanning staff hand in file by file, or that the server reads itself. */
@Path("/imports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    private final ImportService imports;
    private final ImportOpening opening;
    private final CurrentCaller caller;

    @Inject
    public ImportResource(ImportService imports, ImportOpening opening, CurrentCaller caller) {
        this.imports = imports;
        this.opening = opening;
        this.caller = caller;
    }

    /** For the CDI proxy and RESTEasy's resource validation; never used to serve requests. */
    public ImportResource() {
        this(null, null, null);
    }

    /** The body of {@code POST /api/imports}; with {@code serverPath} the server reads the folder or ZIP itself. */
    public record NewImportRequest(String key, String source, String caseFile, String department, String documentType,
                                   String scannedBy, Integer expectedItems, String serverPath) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response open(NewImportRequest request, @Context UriInfo uri) {
        if (request == null) {
            throw new InvalidInputException("body", "send the import as JSON");
        }
        ImportService.Opened opened = opening.open(caller.get(), new ImportRequest(request.key(), request.source(),
                request.caseFile(), request.department(), request.documentType(), request.scannedBy(),
                request.expectedItems(), request.serverPath()));
        if (opened.resumed()) {
            return Response.ok(opened.batch()).build();
        }
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(opened.batch().id())).build())
                .entity(opened.batch()).build();
    }

    /** The caller's own newest batches (an administrator's: all), newest first; {@code size} of them (20 by default). */
    @GET
    public List<ImportProgress> newest(@QueryParam("size") String size) {
        return imports.newest(caller.get(), Params.integer(size, "size", 20));
    }

    @GET
    @Path("{id}")
    public ImportProgress progress(@PathParam("id") long id) {
        return imports.progress(caller.get(), id);
    }

    @GET
    @Path("{id}/items")
    public Page<ImportItemView> items(@PathParam("id") long id, @QueryParam("state") String state,
                                      @QueryParam("page") String page, @QueryParam("size") String size) {
        return imports.items(caller.get(), id, state, Params.page(page),
                Params.integer(size, "size", 100));
    }

    @POST
    @Path("{id}/items")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response addItem(@PathParam("id") long id, @Context HttpServletRequest request) {
        try (MultipartForm form = MultipartForm.of(request)) {
            Part file = form.file("file");
            String path = form.text("path") != null ? form.text("path") : file.getSubmittedFileName();
            ImportItemUpload upload = new ImportItemUpload(path, form.text("sha256"), form.text("caseFile"),
                    form.text("department"), form.text("documentType"), form.text("title"),
                    Params.date(form.text("documentDate"), "documentDate"));
            try (InputStream in = file.getInputStream()) {
                ImportService.Handed handed = imports.importItem(caller.get(), id, upload, in);
                return Response.status(handed.newDocument() ? 201 : 200).entity(handed.item()).build();
            } catch (IOException e) {
                throw new UncheckedIOException("the upload could not be read", e);
            }
        }
    }

    @POST
    @Path("{id}/complete")
    public ImportProgress complete(@PathParam("id") long id) {
        return imports.complete(caller.get(), id);
    }

    @GET
    @Path("{id}/failures")
    public List<ImportItemView> failures(@PathParam("id") long id) {
        return imports.failures(caller.get(), id);
    }

    @GET
    @Path("{id}/protocol")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response protocol(@PathParam("id") long id, @QueryParam("format") String format) {
        ImportProtocol protocol = imports.protocol(caller.get(), id);
        if ("csv".equalsIgnoreCase(format)) {
            return Response.ok(protocol.toCsv(), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"importprotokoll-" + id + ".csv\"").build();
        }
        return Response.ok(protocol, MediaType.APPLICATION_JSON).build();
    }
}
