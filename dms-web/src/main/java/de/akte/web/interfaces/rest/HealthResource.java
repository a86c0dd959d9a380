package de.akte.web.interfaces.rest;

import de.akte.core.health.HealthCheck;
import de.akte.core.health.HealthReport;
import de.akte.core.health.HealthStatus;
import de.akte.core.application.health.SystemHealth;
import de.akte.core.storage.BlobStore;
import de.akte.web.infrastructure.AkteSettings;
import de.akte.core.recognition.ContentRecognizer;
import de.akte.core.scanning.MalwareScanner;
import jakarta.annotation.Resource;
import de.akte.core.health.SystemDetails;
import de.akte.core.health.SystemStatus;
import de.akte.core.recognition.Capability;
import de.akte.core.scanning.ScannerStatus;
import de.akte.core.security.Role;
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

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/health}: each component checked for real ({@link HealthCheck}). UP (200) when all work;
 * DEGRADED (200, documents are still accepted and found) with the reasons when workers, queues, memory, OCR or
 * the malware scanner are not as they should be; DOWN (503) when database, storage or index fail or the heap is exhausted. Public, so
 * load balancers can ask; administrators get details with {@code ?details=true}.
 */
@Path("health")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @Inject
    private HealthCheck health;

    @GET
    public Response health(@QueryParam("details") boolean details, @Context SecurityContext security) {
        SystemStatus status = health.status(details && security.isUserInRole(Role.ADMIN.name()));
        HealthReport report = status.report();
        Map<String, String> checks = new LinkedHashMap<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        report.components().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparingInt(HealthResource::order)))
                .forEach(e -> {
                    checks.put(e.getKey(), e.getValue().status().name());
                    if (e.getValue().reason() != null) {
                        reasons.put(e.getKey(), e.getValue().reason());
                    }
                });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", report.status().name());
        body.put("checks", checks);
        if (!reasons.isEmpty()) {
            body.put("reasons", reasons);
        }
        // kept as it was: OCR is optional, without it documents are still accepted and found, scans wait for it
        Capability ocr = status.ocr();
        Map<String, Object> ocrState = new LinkedHashMap<>();
        ocrState.put("available", ocr.available());
        if (!ocr.available()) {
            ocrState.put("reason", ocr.reason());
        }
        body.put("ocr", ocrState);
        body.put("malwareScan", malwareScan(status.malwareScan()));
        if (status.details() != null) {
            body.put("details", details(status.details()));
        }
        return Response.status(report.status() == HealthStatus.DOWN ? 503 : 200).entity(body).build();
    }

    // whether new files are checked; switched off or unreachable is DEGRADED in "checks" as well
    private static Map<String, Object> malwareScan(ScannerStatus status) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("enabled", status.enabled());
        state.put("available", status.available());
        if (status.address() != null) {
            state.put("address", status.address());
        }
        if (status.engine() != null) {
            state.put("engine", status.engine());
        }
        state.put("signatures", status.signatures());
        state.put("signaturesDate", status.signaturesDate() == null ? null : status.signaturesDate().toString());
        if (status.reason() != null) {
            state.put("reason", status.reason());
        }
        return state;
    }

    private static Map<String, Object> details(SystemDetails details) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("database", details.database());
        info.put("storage", details.storage());
        info.put("indexedDocuments", details.indexedDocuments() == null ? "unreadable" : details.indexedDocuments());
        info.put("dataDir", details.dataDir().toString());
        info.put("searchIndex", details.searchIndex());
        return info;
    }

    // the essential three first, as before, then the rest
    private static int order(String component) {
        int at = List.of("database", "storage", "index").indexOf(component);
        return at < 0 ? 3 : at;
    }
}
