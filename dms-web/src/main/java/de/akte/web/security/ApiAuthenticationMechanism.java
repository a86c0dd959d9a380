package de.akte.web.security;

import de.akte.core.application.directory.ApiTokens;
import de.akte.core.application.directory.Directory;
import de.akte.core.application.directory.PasswordLogin;
import de.akte.core.security.HashingGate;
import de.akte.core.security.SignedInAccount;
import de.akte.core.security.TokenHolder;
import de.akte.web.infrastructure.BodyLimits;
import de.akte.web.infrastructure.Outages;
import de.akte.web.infrastructure.SecuritySettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Authenticates API calls by HTTP Basic or a bearer token, and the web UI's calls by its session
 * ({@link BrowserSession}). Requests without credentials pass on anonymously; the REST layer turns them
 * away except where a resource is public. Runs before anything else sees the request, so an oversized body is
 * refused here before any password is hashed, and password guessing is throttled before hashing.
 */
@ApplicationScoped
public class ApiAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(ApiAuthenticationMechanism.class.getName());
    static final String CHALLENGE = "Basic realm=\"Akte\", Bearer realm=\"Akte\"";
    /** Request attribute: when the caller last proved their password ({@link Instant}). */
    public static final String PROVEN_AT = "akte.auth.provenAt";
    /** Request attribute: the absolute limit of the bearer token the request came with ({@link Instant}). */
    public static final String TOKEN_LIMIT = "akte.auth.tokenLimit";
    /** Request attribute: the credential version of the signed-in account ({@link Long}). */
    public static final String CREDENTIAL_VERSION = "akte.auth.credentialVersion";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Directory directory;
    private final ApiTokens tokens;
    private final LoginCache cache;
    private final PasswordLogin login;
    private final SecuritySettings settings;
    private final BodyLimits limits;

    @Inject
    public ApiAuthenticationMechanism(Directory directory, ApiTokens tokens, LoginCache cache, PasswordLogin login,
                                      SecuritySettings settings, BodyLimits limits) {
        this.directory = directory;
        this.tokens = tokens;
        this.cache = cache;
        this.login = login;
        this.settings = settings;
        this.limits = limits;
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
            Outages.Outage o = outage.get();
            return problem(response, o.status(), o.title(), o.detail(), Duration.ofSeconds(o.retryAfterSeconds()));
        }
    }

    private AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response,
                                              HttpMessageContext context) {
        try {
            if (RequestBodyLimit.refuseDeclaredTooLarge(request, response,
                    limits.limitFor(RequestBodyLimit.path(request)))) {
                return AuthenticationStatus.SEND_FAILURE;
            }
        } catch (IOException e) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            return fromSession(request, response, context);
        }
        Optional<SignedInAccount> account;
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(header.substring(6).strip(), request, response, context);
        } else if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<TokenHolder> holder = tokens.resolve(header.substring(7).strip());
            holder.ifPresent(h -> request.setAttribute(TOKEN_LIMIT, h.absoluteExpiresAt()));
            account = holder.map(TokenHolder::account);
        } else {
            account = Optional.empty();
        }
        if (account.isEmpty()) {
            return reject(request, response);
        }
        return signedIn(account.get(), request, context);
    }

    private AuthenticationStatus signedIn(SignedInAccount account, HttpServletRequest request,
                                          HttpMessageContext context) {
        request.setAttribute(CREDENTIAL_VERSION, account.credentialVersion());
        Set<String> groups = new HashSet<>();
        account.caller().roles().forEach(r -> groups.add(r.name()));
        return context.notifyContainerAboutLogin(account.caller().username(), groups);
    }

    private AuthenticationStatus fromSession(HttpServletRequest request, HttpServletResponse response,
                                             HttpMessageContext context) {
        Optional<BrowserSession.SignIn> signIn = BrowserSession.signIn(request);
        if (signIn.isEmpty()) {
            return context.doNothing();
        }
        Optional<SignedInAccount> account = directory.session(signIn.get().username())
                .filter(a -> a.credentialVersion() == signIn.get().credentialVersion());
        boolean tooOld = !Instant.now().isBefore(signIn.get().signedInAt().plus(settings.sessionMaxLifetime()));
        if (account.isEmpty() || tooOld) {
            // disabled, deleted, password or roles changed since signing in, or simply signed in too long ago
            BrowserSession.end(request);
            return context.doNothing();
        }
        // a browser sends the cookie with cross-site requests too; only the UI's own code sets this header
        if (!SAFE_METHODS.contains(request.getMethod()) && !BrowserSession.fromUi(request)) {
            return problem(response, 403, "Forbidden", "requests signed in by session cookie must carry the header "
                    + BrowserSession.REQUEST_HEADER, null);
        }
        request.setAttribute(PROVEN_AT, signIn.get().signedInAt());
        return signedIn(account.get(), request, context);
    }

    private AuthenticationStatus basic(String encoded, HttpServletRequest request, HttpServletResponse response,
                                       HttpMessageContext context) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return reject(request, response);
        }
        int colon = decoded.indexOf(':');
        if (colon < 1 || decoded.length() > 1024) {
            return reject(request, response);
        }
        String username = decoded.substring(0, colon);
        char[] password = decoded.substring(colon + 1).toCharArray();
        request.setAttribute(PROVEN_AT, Instant.now());
        String address = ClientAddress.of(request, settings.trustedProxies());
        Optional<PasswordLogin.Result> held = login.heldBack(username, address);
        if (held.isPresent()) {
            // a lock holds for remembered passwords too
            return throttled(response, held.get().retryAfter(), held.get().reason());
        }
        Optional<SignedInAccount> known = directory.session(username);
        if (known.isPresent() && cache.remembers(username, password, known.get().credentialVersion())) {
            return signedIn(known.get(), request, context);
        }
        PasswordLogin.Result result;
        try {
            result = login.signIn(username, password, address, "basic");
        } catch (HashingGate.BusyException e) {
            return busy(response, e.retryAfter());
        }
        if (result.signedIn()) {
            SignedInAccount account = result.account().orElseThrow();
            cache.remember(username, password, account.credentialVersion());
            return signedIn(account, request, context);
        }
        if (result.outcome() != PasswordLogin.Outcome.FAILED) {
            return throttled(response, result.retryAfter(), result.reason());
        }
        return reject(request, response);
    }

    /** 429 with Retry-After: the throttle holds this account or address back. */
    static AuthenticationStatus throttled(HttpServletResponse response, Duration retryAfter, String reason) {
        return problem(response, 429, "Too Many Requests", reason, retryAfter);
    }

    /** 503 with Retry-After: too many passwords are being checked right now. */
    static AuthenticationStatus busy(HttpServletResponse response, Duration retryAfter) {
        return problem(response, 503, "Service Unavailable",
                "the server is busy checking other passwords; try again shortly", retryAfter);
    }

    /** Whole seconds, rounded up, at least one. */
    public static String seconds(Duration d) {
        long s = d.toSeconds() + (d.toNanosPart() > 0 ? 1 : 0);
        return Long.toString(Math.max(1, s));
    }

    private static AuthenticationStatus problem(HttpServletResponse response, int status, String title,
                                                String detail, Duration retryAfter) {
        try {
            response.setStatus(status);
            if (retryAfter != null) {
                response.setHeader("Retry-After", seconds(retryAfter));
            }
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"urn:akte:problem:" + title.toLowerCase(java.util.Locale.ROOT)
                    .replace(' ', '-') + "\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                    + detail + "\"}");
            // committed, so the container cannot swap the reason for its own HTML error page
            response.flushBuffer();
        } catch (IOException e) {
            // the client went away; nothing left to tell it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static AuthenticationStatus reject(HttpServletRequest request, HttpServletResponse response) {
        try {
            response.setStatus(401);
            // a Basic challenge makes the browser pop up its own login dialog over the UI
            if (!BrowserSession.fromUi(request)) {
                response.setHeader("WWW-Authenticate", CHALLENGE);
            }
            closeIfBodyUnread(request, response);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"urn:akte:problem:unauthorized\",\"title\":\"Unauthorized\","
                    + "\"status\":401,\"detail\":\"wrong username, password or token\"}");
            response.flushBuffer();
        } catch (IOException e) {
            // the client went away; nothing left to tell it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /**
     * A refused request's body stays unread; the connection is closed rather than drained, so an unauthenticated
     * caller cannot make the server read it.
     */
    static void closeIfBodyUnread(HttpServletRequest request, HttpServletResponse response) {
        if (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null) {
            response.setHeader("Connection", "close");
        }
    }
}
