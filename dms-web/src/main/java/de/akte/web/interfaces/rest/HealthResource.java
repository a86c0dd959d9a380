package de.akte.web.interfaces.rest;

import de.akte.core.search.TextIndex;
import de.akte.core.recognition.Capability;
import de.akte.core.security.Role;
import de.akte.core.storage.BlobId;
import de.akte.core.storage.BlobStore;
import de.akte.web.infrastructure.CoreBeans;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/health}: UP (200) once documents can be accepted and found — database,
 * blob store and index all answer — else DOWN (503). Public, so load balancers can ask;
 * administrators get details with {@code ?details=true}.
 */
@Path("health")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    /** The SHA-256 of no bytes: asking whether it exists touches the store without needing it to. */
    private static final BlobId PROBE = new BlobId("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

    @Resource(lookup = "java:jboss/datasources/AkteDS")
    private DataSource dataSource;

    @Inject
    private BlobStore blobs;

    @Inject
    private TextIndex index;

    @Inject
    private CoreBeans core;

    @GET
    public Response health(@QueryParam("details") boolean details, @Context SecurityContext security) {
        Map<String, String> checks = new LinkedHashMap<>();
        Map<String, Object> info = new LinkedHashMap<>();
        checks.put("database", check(() -> {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select count(*) from department")) {
                rs.next();
                info.put("database", c.getMetaData().getDatabaseProductName());
            }
        }));
        checks.put("storage", check(() -> {
            // a real round trip to the store (for S3: a request to the server), not just a configuration echo
            blobs.exists(PROBE);
            info.put("storage", blobs.describe());
        }));
        checks.put("index", check(() -> info.put("indexedDocuments", index.count())));
        boolean up = checks.values().stream().allMatch("UP"::equals);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("checks", checks);
        // OCR is optional: without it documents are still accepted and found, scans wait for it
        Capability ocr = core.recognizer().ocr();
        Map<String, Object> ocrState = new LinkedHashMap<>();
        ocrState.put("available", ocr.available());
        if (!ocr.available()) {
            ocrState.put("reason", ocr.reason());
        }
        body.put("ocr", ocrState);
        if (details && security.isUserInRole(Role.ADMIN.name())) {
            info.put("dataDir", core.settings().dataDir().toString());
            body.put("details", info);
        }
        return Response.status(up ? 200 : 503).entity(body).build();
    }

    private interface Check {
        void run() throws Exception;
    }

    private static String check(Check check) {
        try {
            check.run();
            return "UP";
        } catch (Exception e) {
            return "DOWN";
        }
    }
}
