package de.akte.web.interfaces.rest;

import de.akte.core.application.directory.ApiTokens;
import de.akte.core.application.directory.TokenView;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.shared.Page;
import de.akte.web.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/**
 * Administrators and everyone's bearer tokens: list, revoke one, revoke all of a user. Its own root path, so that
 * it is not shadowed by {@link AdminResource} ({@code /admin}).
 */
@Path("/admin/tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AdminTokenResource {

    private final ApiTokens tokens;
    private final CurrentCaller caller;

    @Inject
    public AdminTokenResource(ApiTokens tokens, CurrentCaller caller) {
        this.tokens = tokens;
        this.caller = caller;
    }

    /** For the CDI proxy and RESTEasy's resource validation; never used to serve requests. */
    public AdminTokenResource() {
        this(null, null);
    }

    /** Valid tokens of one user ({@code ?user=}) or of everyone, newest first. */
    @GET
    public List<TokenView> all(@QueryParam("user") String user, @QueryParam("page") String page,
                               @QueryParam("size") String size) {
        // page and size are read only once the caller is known to be an administrator: anyone else gets 403
        return tokens.all(caller.get(), user == null || user.isBlank() ? null : user.strip(),
                () -> new Page.Request(Params.page(page), Params.size(size)));
    }

    /** Revokes anyone's token; {@code ?reason=} goes to the audit trail. */
    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") long id, @QueryParam("reason") String reason) {
        tokens.revoke(caller.get(), id, true, reason);
        return Response.noContent().build();
    }

    /** Revokes every token of the user named by {@code ?user=}. */
    @DELETE
    public Map<String, Integer> revokeAllOf(@QueryParam("user") String user, @QueryParam("reason") String reason) {
        if (user == null || user.isBlank()) {
            throw new InvalidInputException("user", "name the user whose tokens to revoke: ?user=");
        }
        return Map.of("revoked", tokens.revokeAll(caller.get(), user.strip(), true, reason));
    }
}
