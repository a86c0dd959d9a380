package de.akte.web.interfaces.rest;

import de.akte.core.application.directory.ApiTokens;
import de.akte.core.application.directory.TokenView;
import de.akte.web.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/**
 * Bearer tokens: their owner lists and revokes their own, administrators anyone's. A token is never shown again
 * after it was issued; lists name it by id, label and lifetimes.
 */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    private final ApiTokens tokens;
    private final CurrentCaller caller;

    @Inject
    public TokenResource(ApiTokens tokens, CurrentCaller caller) {
        this.tokens = tokens;
        this.caller = caller;
    }

    /** For the CDI proxy and RESTEasy's resource validation; never used to serve requests. */
    public TokenResource() {
        this(null, null);
    }

    /** The caller's own valid tokens, newest first. */
    @GET
    @Path("tokens")
    public List<TokenView> own() {
        return tokens.own(caller.get());
    }

    /** Revokes one of the caller's tokens at once; someone else's is "not found". */
    @DELETE
    @Path("tokens/{id}")
    public Response revoke(@PathParam("id") long id) {
        tokens.revoke(caller.get(), id, false, null);
        return Response.noContent().build();
    }

    /** Revokes all of the caller's tokens. */
    @DELETE
    @Path("tokens")
    public Map<String, Integer> revokeAll() {
        var c = caller.get();
        return Map.of("revoked", tokens.revokeAll(c, c.username(), false, "by the owner"));
    }
}
