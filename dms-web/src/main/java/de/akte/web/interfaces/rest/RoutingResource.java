package de.akte.web.interfaces.rest;

import de.akte.core.shared.Page;
import de.akte.core.application.filing.RoutingDesk;
import de.akte.core.application.filing.RoutingRequestView;
import de.akte.web.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The registry's routing requests: records automation would not move out of the department they came into. */
@Path("/routing")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RoutingResource {

    private final RoutingDesk routing;
    private final CurrentCaller caller;

    @Inject
    public RoutingResource(RoutingDesk routing, CurrentCaller caller) {
        this.routing = routing;
        this.caller = caller;
    }

    /** For the CDI proxy and RESTEasy's resource validation; never used to serve requests. */
    public RoutingResource() {
        this(null, null);
    }

    /** Open requests, oldest first (records officers and administrators). */
    @GET
    public Page<RoutingRequestView> open(@QueryParam("page") String page, @QueryParam("size") String size) {
        return routing.open(caller.get(), Params.page(page), Params.size(size));
    }
}
