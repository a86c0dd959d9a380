package de.akte.web.interfaces.rest;

import de.akte.core.application.ImportItemUpload;
import de.akte.core.application.ImportItemView;
import de.akte.core.application.ImportProgress;
import de.akte.core.application.ImportProtocol;
import de.akte.core.application.ImportService;
import de.akte.core.application.NewImport;
import de.akte.core.application.Page;
import de.akte.core.imports.ImportKind;
import de.akte.core.imports.ImportRoots;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.ForbiddenException;
import de.akte.core.shared.InvalidInputException;
import de.akte.ingest.imports.source.ImportSourceException;
import de.akte.ingest.imports.source.ZipLimits;
import de.akte.web.batch.ServerImports;
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
import java.nio.file.Files;
import java.util.List;

/** Bulk imports: batches that scanning staff hand in file by file, or that the server reads itself. */
@Path("/imports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    private final ImportService imports;
    private final ServerImports serverImports;
    private final CurrentCaller caller;
    private final ImportRoots importRoots;
    private final ZipLimits zipLimits;

    @Inject
    public ImportResource(ImportService imports, ServerImports serverImports, CurrentCaller caller,
                          ImportRoots importRoots, ZipLimits zipLimits) {
        this.imports = imports;
        this.serverImports = serverImports;
        this.caller = caller;
        this.importRoots = importRoots;
        this.zipLimits = zipLimits;
    }

    /** For the CDI proxy and RESTEasy's resource validation; never used to serve requests. */
    public ImportResource() {
        this(null, null, null, null, null);
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
        Caller who = caller.get();
        boolean server = request.serverPath() != null && !request.serverPath().isBlank();
        String serverPath = null;
        if (server) {
            if (!who.has(Role.ADMIN)) {
                throw new ForbiddenException("only administrators may import from the server's file system");
            }
            // links resolved once here; the job reads the real path and checks it against the roots again
            java.nio.file.Path real = importRoots.confine(request.serverPath());
            if (Files.isRegularFile(real)) {
                try {
                    zipLimits.check(real);
                } catch (ImportSourceException e) {
                    throw new InvalidInputException("serverPath", e.getMessage());
                }
            }
            serverPath = real.toString();
        }
        String source = request.source() != null ? request.source() : server ? "server:" + request.serverPath() : null;
        String key = request.key() != null ? request.key() : server ? "server:" + request.serverPath() : null;
        // a server-side import is the system's batch, not the administrator's; any other is the caller's own
        NewImport opening = new NewImport(key, source, server ? ImportKind.SERVER : ImportKind.CLIENT,
                serverPath, request.caseFile(), request.department(), request.documentType(),
                request.scannedBy(), request.expectedItems());
        ImportService.Opened opened = server ? imports.openOnServer(who, opening) : imports.open(who, opening);
        if (server && !opened.resumed()) {
            serverImports.start(opened.batch().id());
        }
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
