package de.akte.web.security;

import de.akte.core.application.ApiTokens;
import de.akte.core.application.Directory;
import de.akte.core.security.Caller;
import de.akte.web.infrastructure.Outages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Authenticates API calls by HTTP Basic or a bearer token, and the web UI's calls by its session
 * ({@link BrowserSession}). Requests without credentials pass on anonymously; the REST layer turns them
 * away except where a resource is public.
 */
@ApplicationScoped
public class ApiAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(ApiAuthenticationMechanism.class.getName());
    static final String CHALLENGE = "Basic realm=\"Akte\", Bearer realm=\"Akte\"";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Directory directory;
    private final ApiTokens tokens;
    private final LoginCache cache;

    @Inject
    public ApiAuthenticationMechanism(Directory directory, ApiTokens tokens, LoginCache cache) {
        this.directory = directory;
        this.tokens = tokens;
        this.cache = cache;
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        try {
            return authenticate(request, response, context);
        } catch (RuntimeException e) {
            // looking the caller up needs the database: while it is away the caller hears so, not a bare 500
            Optional<Outages.Outage> outage = Outages.of(e);
            if (outage.isEmpty()) {
                throw e;
            }
            LOG.warning("authentication refused during an outage: " + e);
            response.setHeader("Retry-After", Integer.toString(outage.get().retryAfterSeconds()));
            Outages.Outage o = outage.get();
            return problem(response, o.status(), "urn:akte:problem:" + o.slug(), o.title(), o.detail());
        }
    }

    private AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response,
                                              HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            return fromSession(request, response, context);
        }
        Optional<Caller> caller;
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            caller = basic(header.substring(6).strip());
        } else if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            caller = tokens.resolve(header.substring(7).strip()).flatMap(directory::currentCaller);
        } else {
            caller = Optional.empty();
        }
        if (caller.isEmpty()) {
            return reject(request, response, context);
        }
        Set<String> groups = new HashSet<>();
        caller.get().roles().forEach(r -> groups.add(r.name()));
        return context.notifyContainerAboutLogin(caller.get().username(), groups);
    }

    private AuthenticationStatus fromSession(HttpServletRequest request, HttpServletResponse response,
                                             HttpMessageContext context) {
        Optional<String> username = BrowserSession.username(request);
        if (username.isEmpty()) {
            return context.doNothing();
        }
        Optional<Caller> caller = directory.currentCaller(username.get());
        if (caller.isEmpty()) {
            // disabled or deleted since signing in: the session is worth nothing any more
            BrowserSession.end(request);
            return context.doNothing();
        }
        // a browser sends the cookie with cross-site requests too; only the UI's own code sets this header
        if (!SAFE_METHODS.contains(request.getMethod()) && !BrowserSession.fromUi(request)) {
            return problem(response, 403, "urn:akte:problem:forbidden", "Forbidden", "requests signed in by session "
                    + "cookie must carry the header " + BrowserSession.REQUEST_HEADER);
        }
        Set<String> groups = new HashSet<>();
        caller.get().roles().forEach(r -> groups.add(r.name()));
        return context.notifyContainerAboutLogin(caller.get().username(), groups);
    }

    private static AuthenticationStatus problem(HttpServletResponse response, int status, String type, String title,
                                                String detail) {
        try {
            response.setStatus(status);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":"
                    + status + ",\"detail\":\"" + detail + "\"}");
        } catch (IOException e) {
            // the client went away; nothing left to tell it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private Optional<Caller> basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 1) {
            return Optional.empty();
        }
        String username = decoded.substring(0, colon);
        char[] password = decoded.substring(colon + 1).toCharArray();
        if (cache.remembers(username, password)) {
            return directory.currentCaller(username);
        }
        Optional<Caller> caller = directory.authenticate(username, password);
        caller.ifPresent(c -> cache.remember(username, password));
        return caller;
    }

    private static AuthenticationStatus reject(HttpServletRequest request, HttpServletResponse response,
                                               HttpMessageContext context) {
        try {
            response.setStatus(401);
            // a Basic challenge makes the browser pop up its own login dialog over the UI
            if (!BrowserSession.fromUi(request)) {
                response.setHeader("WWW-Authenticate", CHALLENGE);
            }
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"urn:akte:problem:unauthorized\",\"title\":\"Unauthorized\","
                    + "\"status\":401,\"detail\":\"wrong username, password or token\"}");
        } catch (IOException e) {
            // the client went away; nothing left to tell it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
