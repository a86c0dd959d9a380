package de.akte.web.interfaces.rest;

import de.akte.core.application.records.ArchivePackage;
import de.akte.core.application.records.ArchiveTransferService;
import de.akte.core.application.records.DisposalView;
import de.akte.core.shared.InvalidInputException;
import de.akte.web.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * Transfer to the archive with xdomea 3.1.0, keyed by the id of an approved TRANSFER disposal:
 * the 0501 offer list, the archive's 0502 appraisal, the 0503 package, the archive's 0506 confirmation.
 */
@Path("/transfers")
@RequestScoped
public class TransferResource {

    private static final String XML = "application/xml";

    private final ArchiveTransferService transfers;
    private final CurrentCaller caller;

    @Inject
    public TransferResource(ArchiveTransferService transfers, CurrentCaller caller) {
        this.transfers = transfers;
        this.caller = caller;
    }

    /** For the CDI proxy and RESTEasy's resource validation; never used to serve requests. */
    public TransferResource() {
        this(null, null);
    }

    /** The body of {@code POST /api/transfers}. */
    public record TransferRequest(Long disposalId) {
    }

    /** Starts the transfer of an approved disposal: answers with the 0501 offer list to send to the archive. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(XML)
    public Response offer(TransferRequest request) {
        if (request == null || request.disposalId() == null) {
            throw new InvalidInputException("disposalId", "name the approved TRANSFER disposal: {\"disposalId\": n}");
        }
        return offerOf(request.disposalId());
    }

    /** The 0501 offer list again (until the appraisal arrives). */
    @GET
    @Path("{id}/offer")
    @Produces(XML)
    public Response offerAgain(@PathParam("id") long id) {
        return offerOf(id);
    }

    private Response offerOf(long id) {
        byte[] xml = transfers.offer(caller.get(), id);
        return Response.ok(xml, XML).header("Content-Disposition",
                "attachment; filename=\"disposal-" + id + "_Aussonderung.Anbieteverzeichnis.0501.xml\"").build();
    }

    /** Uploads the archive's 0502 appraisal (the XML as the body). */
    @POST
    @Path("{id}/appraisal")
    @Consumes({XML, "text/xml", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    public DisposalView appraisal(@PathParam("id") long id, byte[] xml) {
        return transfers.appraise(caller.get(), id, requireBody(xml));
    }

    /** The 0503 package: {@code <ProzessID>_Aussonderung.Aussonderung.0503.zip} with the XML and the primary files. */
    @GET
    @Path("{id}/package")
    @Produces("application/zip")
    public Response pack(@PathParam("id") long id) {
        ArchivePackage pack = transfers.pack(caller.get(), id);
        StreamingOutput body = pack.writer()::writeTo;
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + pack.fileName() + "\"").build();
    }

    /** Uploads the archive's 0506 import confirmation; what it imported is removed here with a certificate. */
    @POST
    @Path("{id}/confirmation")
    @Consumes({XML, "text/xml", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    public DisposalView confirmation(@PathParam("id") long id, byte[] xml) {
        return transfers.confirm(caller.get(), id, requireBody(xml));
    }

    private static byte[] requireBody(byte[] xml) {
        if (xml == null || xml.length == 0) {
            throw new InvalidInputException("body", "send the xdomea message as the request body");
        }
        return xml;
    }
}
