package de.akte.web.interfaces.rest;

import de.akte.core.application.filing.FilingService;
import de.akte.core.application.filing.NewRule;
import de.akte.core.application.filing.RuleView;
import de.akte.core.shared.InvalidInputException;
import de.akte.web.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/** Administration of the classifier: its rules for the cold start, and rebuilding it from the filed records. */
@Path("/admin/classification")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ClassificationResource {

    private final FilingService filing;
    private final CurrentCaller caller;

    @Inject
    public ClassificationResource(FilingService filing, CurrentCaller caller) {
        this.filing = filing;
        this.caller = caller;
    }

    /** For the CDI proxy and RESTEasy's resource validation; never used to serve requests. */
    public ClassificationResource() {
        this(null, null);
    }

    /** The body of {@code POST /api/admin/classification/rules}. */
    public record RuleRequest(String label, String value, String pattern, String kind, Integer priority) {
    }

    @GET
    @Path("rules")
    public List<RuleView> rules() {
        return filing.rules(caller.get());
    }

    @POST
    @Path("rules")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addRule(RuleRequest request) {
        if (request == null) {
            throw new InvalidInputException("body", "send the rule as JSON");
        }
        RuleView rule = filing.addRule(caller.get(), new NewRule(request.label(), request.value(), request.pattern(),
                request.kind(), request.priority()));
        return Response.status(201).entity(rule).build();
    }

    @DELETE
    @Path("rules/{id}")
    public Response removeRule(@PathParam("id") long id) {
        filing.removeRule(caller.get(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("rebuild")
    public Map<String, Long> rebuild() {
        return Map.of("learnedDocuments", filing.rebuild(caller.get()));
    }
}
