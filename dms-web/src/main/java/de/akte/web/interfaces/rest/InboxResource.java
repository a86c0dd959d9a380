package de.akte.web.interfaces.rest;

import de.akte.core.application.documents.DocumentView;
import de.akte.core.application.filing.FilingService;
import de.akte.core.shared.Page;
import de.akte.web.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;


/** The review inbox: documents the classifier was unsure about, per department. */
@Path("/inbox")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {

    private final FilingService filing;
    private final CurrentCaller caller;

    @Inject
    public InboxResource(FilingService filing, CurrentCaller caller) {
        this.filing = filing;
        this.caller = caller;
    }

    /** For the CDI proxy and RESTEasy's resource validation; never used to serve requests. */
    public InboxResource() {
        this(null, null);
    }

    @GET
    public Page<DocumentView> inbox(@QueryParam("department") String department, @QueryParam("page") String page,
                                    @QueryParam("size") String size) {
        return filing.inbox(caller.get(), department, Params.page(page), Params.size(size));
    }
}
