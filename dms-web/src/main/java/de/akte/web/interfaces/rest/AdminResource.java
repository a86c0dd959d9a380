package de.akte.web.interfaces.rest;

import de.akte.core.application.search.DocumentIndexer;
import de.akte.core.shared.Page;
import de.akte.core.audit.AuditEntry;
import de.akte.core.audit.AuditQuery;
import de.akte.core.audit.AuditReview;
import de.akte.core.audit.AuditSearch;
import de.akte.core.audit.ChainVerification;
import de.akte.core.shared.InvalidInputException;
import de.akte.web.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.List;

/** Operations for administrators: audit verification and history, index rebuild. */
@Path("/admin")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final AuditReview audit;
    private final DocumentIndexer indexer;
    private final CurrentCaller caller;

    @Inject
    public AdminResource(AuditReview audit, DocumentIndexer indexer, CurrentCaller caller) {
        this.audit = audit;
        this.indexer = indexer;
        this.caller = caller;
    }

    /** For the CDI proxy and RESTEasy's resource validation; never used to serve requests. */
    public AdminResource() {
        this(null, null, null);
    }

    /** The outcome of an audit chain check. */
    public record AuditVerification(boolean intact, long entriesChecked, Long firstBrokenEntry, String problem) {
    }

    /** One audit entry as the API shows it. */
    public record AuditEntryView(long sequence, Instant occurredAt, String actor, String action, String targetType,
                                 String targetId, String details, String hash) {
    }

    /** The outcome of an index rebuild. */
    public record RebuildResult(long documentsIndexed, long millis) {
    }

    @GET
    @Path("audit/verify")
    public AuditVerification verifyAudit() {
        ChainVerification v = audit.verify(caller.get());
        return new AuditVerification(v.intact(), v.entriesChecked(), v.firstBrokenSequence().orElse(null),
                v.problem().orElse(null));
    }

    /**
     * Audit entries. With {@code user}, {@code from} or {@code to} (a data-protection information request: what
     * one user did, or what happened in a period): one page of the matching entries, newest first, optionally
     * narrowed to a target. With only {@code targetType} and {@code targetId}: the newest entries about that
     * target as a plain list, as before.
     */
    @GET
    @Path("audit")
    public Response auditOf(@QueryParam("targetType") String targetType, @QueryParam("targetId") String targetId,
                            @QueryParam("user") String user, @QueryParam("from") String from,
                            @QueryParam("to") String to, @QueryParam("page") String page,
                            @QueryParam("size") String size) {
        boolean filtered = present(user) || present(from) || present(to);
        // the parameters are read only once the caller is known to be an administrator: anyone else gets 403
        Page<AuditEntry> found = audit.search(caller.get(),
                () -> search(filtered, targetType, targetId, user, from, to, page, size));
        List<AuditEntryView> entries = found.items().stream().map(AdminResource::view).toList();
        return Response.ok(filtered ? new Page<>(found.total(), found.page(), found.size(), entries) : entries)
                .build();
    }

    private static AuditSearch search(boolean filtered, String targetType, String targetId, String user, String from,
                                      String to, String page, String size) {
        int limit = Params.size(size);
        if (!filtered) {
            return new AuditSearch(new AuditQuery(null, null, null, targetType, targetId), 0, limit);
        }
        Instant since = Params.instant(from, "from", false);
        // "to" names the last moment (or day) included
        Instant until = Params.instant(to, "to", true);
        if (until != null && to.strip().contains("T")) {
            until = until.plusNanos(1_000);
        }
        if (since != null && until != null && since.isAfter(until)) {
            throw new InvalidInputException("from", "from must not be after to");
        }
        AuditQuery query = new AuditQuery(present(user) ? user.strip() : null, since, until,
                present(targetType) ? targetType.strip() : null, present(targetId) ? targetId.strip() : null);
        return new AuditSearch(query, Params.page(page), limit);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    @POST
    @Path("index/rebuild")
    public RebuildResult rebuildIndex() {
        long start = System.nanoTime();
        long count = indexer.rebuild(caller.get());
        return new RebuildResult(count, (System.nanoTime() - start) / 1_000_000);
    }

    private static AuditEntryView view(AuditEntry e) {
        return new AuditEntryView(e.sequence(), e.occurredAt(), e.actor(), e.action().name(), e.targetType(),
                e.targetId(), e.details(), e.hash());
    }
}
