package de.akte.web.interfaces.rest;

import de.akte.core.application.directory.ApiTokens;
import de.akte.core.application.directory.PasswordLogin;
import de.akte.core.security.Caller;
import de.akte.core.security.HashingGate;
import de.akte.core.security.IssuedToken;
import de.akte.core.security.SignedInAccount;
import de.akte.core.shared.InvalidInputException;
import de.akte.web.infrastructure.SecuritySettings;
import de.akte.web.security.ApiAuthenticationMechanism;
import de.akte.web.security.BrowserSession;
import de.akte.web.security.ClientAddress;
import de.akte.web.security.CurrentCaller;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Signing in: bearer tokens for programs (sign in once with Basic, then send the token), and the browser session of
 * the web UI (login with username and password, logout). Sign-ins are throttled per account and client address.
 */
@Path("/auth")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final ApiTokens tokens;
    private final CurrentCaller caller;
    private final PasswordLogin login;
    private final SecuritySettings settings;

    @Inject
    public AuthResource(ApiTokens tokens, CurrentCaller caller, PasswordLogin login, SecuritySettings settings) {
        this.tokens = tokens;
        this.caller = caller;
        this.login = login;
        this.settings = settings;
    }

    /** For the CDI proxy and RESTEasy's resource validation; never used to serve requests. */
    public AuthResource() {
        this(null, null, null, null);
    }

    /** Who signed in. */
    public record SignedIn(String username, List<String> roles, List<String> departments) {
    }

    /**
     * Signs in the browser: checks the password and starts a session (cookie HttpOnly, SameSite=Strict). Like every
     * unsafe call of the UI it must carry {@code X-Akte-Request}, so no other site can sign a victim in. The body
     * ({@code {"username", "password"}}) is read only up to a few kilobytes before it is parsed.
     */
    @POST
    @Path("login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(InputStream body, @Context HttpServletRequest http) {
        requireUi(http);
        JsonObject json = smallJson(body);
        return signIn(text(json, "username"), text(json, "password"), http);
    }

    /** The same as {@link #login} for a form post ({@code username}, {@code password}). */
    @POST
    @Path("login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response loginForm(@FormParam("username") String username, @FormParam("password") String password,
                              @Context HttpServletRequest http) {
        requireUi(http);
        return signIn(username, password, http);
    }

    /** Ends the browser session; harmless without one. */
    @POST
    @Path("logout")
    @PermitAll
    public Response logout(@Context HttpServletRequest http) {
        requireUi(http);
        BrowserSession.end(http);
        return Response.noContent().build();
    }

    private static void requireUi(HttpServletRequest http) {
        if (!BrowserSession.fromUi(http)) {
            throw new de.akte.core.shared.ForbiddenException("send the header " + BrowserSession.REQUEST_HEADER);
        }
    }

    private JsonObject smallJson(InputStream body) {
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.readNBytes((int) settings.maxLoginBytes() + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > settings.maxLoginBytes()) {
            throw new InvalidInputException("body", "a sign-in has at most " + settings.maxLoginBytes() + " bytes");
        }
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(bytes))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidInputException("body", "send username and password as a JSON object");
            }
            return value.asJsonObject();
        } catch (JsonException e) {
            throw new InvalidInputException("body", "send username and password as JSON");
        }
    }

    private static String text(JsonObject json, String field) {
        JsonValue v = json.get(field);
        return v instanceof JsonString s ? s.getString() : null;
    }

    private Response signIn(String username, String password, HttpServletRequest http) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw new InvalidInputException("username", "enter username and password");
        }
        PasswordLogin.Result result;
        try {
            result = login.signIn(username.strip(), password.toCharArray(),
                    ClientAddress.of(http, settings.trustedProxies()), "browser");
        } catch (HashingGate.BusyException e) {
            return held(503, "busy", "Service Unavailable", e.getMessage(), e.retryAfter());
        }
        if (result.outcome() == PasswordLogin.Outcome.DELAYED || result.outcome() == PasswordLogin.Outcome.LOCKED) {
            return held(429, "too-many-requests", "Too Many Requests", result.reason(), result.retryAfter());
        }
        if (!result.signedIn()) {
            return Response.status(401).type(Problem.MEDIA_TYPE)
                    .entity(new Problem("urn:akte:problem:login-failed", "Login failed", 401,
                            "wrong username or password", null))
                    .build();
        }
        SignedInAccount account = result.account().orElseThrow();
        Caller c = account.caller();
        BrowserSession.start(http, c.username(), account.credentialVersion(), settings.sessionIdle());
        return Response.ok(new SignedIn(c.username(), c.roles().stream().map(Enum::name).sorted().toList(),
                List.copyOf(new TreeSet<>(c.departments())))).build();
    }

    private static Response held(int status, String slug, String title, String detail, Duration retryAfter) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .header("Retry-After", ApiAuthenticationMechanism.seconds(retryAfter))
                .entity(Problem.of(status, slug, title, detail)).build();
    }

    /** What {@code POST /api/auth/token} returns. */
    public record TokenResponse(String token, String tokenType, Instant expiresAt, long id, Instant absoluteExpiresAt) {
    }

    /**
     * Issues a bearer token. Issued with a token, the new one inherits that token's absolute limit, so tokens
     * cannot renew themselves forever; {@code label} names the program that will use it.
     */
    @POST
    @Path("token")
    public TokenResponse issue(@QueryParam("label") String label, @Context HttpServletRequest http) {
        Caller c = caller.get();
        Object version = http.getAttribute(ApiAuthenticationMechanism.CREDENTIAL_VERSION);
        Object provenAt = http.getAttribute(ApiAuthenticationMechanism.PROVEN_AT);
        Object limit = http.getAttribute(ApiAuthenticationMechanism.TOKEN_LIMIT);
        IssuedToken issued = tokens.issue(new SignedInAccount(c, version instanceof Long v ? v : -1L),
                provenAt instanceof Instant at ? at : Instant.now(),
                limit instanceof Instant l ? Optional.of(l) : Optional.empty(), label);
        return new TokenResponse(issued.token(), "Bearer", issued.expiresAt(), issued.id(),
                issued.absoluteExpiresAt());
    }
}
