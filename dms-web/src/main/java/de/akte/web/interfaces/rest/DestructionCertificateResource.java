package de.akte.web.interfaces.rest;

import de.akte.core.application.records.CertificateView;
import de.akte.core.application.records.DisposalService;
import de.akte.web.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** Destruction certificates (Löschprotokolle): they outlive what they certify. */
@Path("/destruction-certificates")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DestructionCertificateResource {

    private final DisposalService disposals;
    private final CurrentCaller caller;

    @Inject
    public DestructionCertificateResource(DisposalService disposals, CurrentCaller caller) {
        this.disposals = disposals;
        this.caller = caller;
    }

    /** For the CDI proxy and RESTEasy's resource validation; never used to serve requests. */
    public DestructionCertificateResource() {
        this(null, null);
    }

    @GET
    public List<CertificateView> list(@QueryParam("reference") String reference, @QueryParam("page") String page,
                                      @QueryParam("size") String size) {
        return disposals.certificates(caller.get(), reference, Params.page(page), Params.size(size));
    }

    @GET
    @Path("{id}")
    public CertificateView get(@PathParam("id") long id) {
        return disposals.certificate(caller.get(), id);
    }
}
