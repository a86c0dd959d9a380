package de.akte.web.interfaces.rest;

import de.akte.core.application.ApiTokens;
import de.akte.core.security.IssuedToken;
import de.akte.web.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Bearer tokens for programs: sign in once with Basic, then send the token. */
@Path("/auth")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final ApiTokens tokens;
    private final CurrentCaller caller;

    @Inject
    public AuthResource(ApiTokens tokens, CurrentCaller caller) {
        this.tokens = tokens;
        this.caller = caller;
    }

    /** For the CDI proxy and RESTEasy's resource validation; never used to serve requests. */
    public AuthResource() {
        this(null, null);
    }

    /** What {@code POST /api/auth/token} returns. */
    public record TokenResponse(String token, String tokenType, java.time.Instant expiresAt) {
    }

    @POST
    @Path("token")
    public TokenResponse issue() {
        IssuedToken issued = tokens.issue(caller.get());
        return new TokenResponse(issued.token(), "Bearer", issued.expiresAt());
    }
}
