package de.akte.web.interfaces.rest;

import de.akte.core.application.ApiTokens;
import de.akte.core.application.Directory;
import de.akte.core.security.Caller;
import de.akte.core.security.IssuedToken;
import de.akte.core.shared.InvalidInputException;
import de.akte.web.security.BrowserSession;
import de.akte.web.security.CurrentCaller;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Signing in: bearer tokens for programs (sign in once with Basic, then send the token), and the browser session of
 * the web UI (login with username and password, logout).
 */
@Path("/auth")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final ApiTokens tokens;
    private final CurrentCaller caller;
    private final Directory directory;

    @Inject
    public AuthResource(ApiTokens tokens, CurrentCaller caller, Directory directory) {
        this.tokens = tokens;
        this.caller = caller;
        this.directory = directory;
    }

    /** For the CDI proxy and RESTEasy's resource validation; never used to serve requests. */
    public AuthResource() {
        this(null, null, null);
    }

    /** The body of {@code POST /api/auth/login}. */
    public record LoginRequest(String username, String password) {
    }

    /** Who signed in. */
    public record SignedIn(String username, List<String> roles, List<String> departments) {
    }

    /**
     * Signs in the browser: checks the password and starts a session (cookie HttpOnly, SameSite=Strict). Like every
     * unsafe call of the UI it must carry {@code X-Akte-Request}, so no other site can sign a victim in.
     */
    @POST
    @Path("login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(LoginRequest request, @Context HttpServletRequest http) {
        if (request == null) {
            throw new InvalidInputException("body", "send username and password");
        }
        return signIn(request.username(), request.password(), http);
    }

    /** The same as {@link #login} for a form post ({@code username}, {@code password}). */
    @POST
    @Path("login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response loginForm(@FormParam("username") String username, @FormParam("password") String password,
                              @Context HttpServletRequest http) {
        return signIn(username, password, http);
    }

    /** Ends the browser session; harmless without one. */
    @POST
    @Path("logout")
    @PermitAll
    public Response logout(@Context HttpServletRequest http) {
        if (!BrowserSession.fromUi(http)) {
            throw new de.akte.core.shared.ForbiddenException("send the header " + BrowserSession.REQUEST_HEADER);
        }
        BrowserSession.end(http);
        return Response.noContent().build();
    }

    private Response signIn(String username, String password, HttpServletRequest http) {
        if (!BrowserSession.fromUi(http)) {
            throw new de.akte.core.shared.ForbiddenException("send the header " + BrowserSession.REQUEST_HEADER);
        }
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw new InvalidInputException("username", "enter username and password");
        }
        Optional<Caller> signedIn = directory.authenticate(username.strip(), password.toCharArray());
        if (signedIn.isEmpty()) {
            return Response.status(401).type("application/problem+json")
                    .entity(new Problem("urn:akte:problem:login-failed", "Login failed", 401,
                            "wrong username or password", null))
                    .build();
        }
        Caller c = signedIn.get();
        BrowserSession.start(http, c.username());
        return Response.ok(new SignedIn(c.username(), c.roles().stream().map(Enum::name).sorted().toList(),
                List.copyOf(new TreeSet<>(c.departments())))).build();
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
