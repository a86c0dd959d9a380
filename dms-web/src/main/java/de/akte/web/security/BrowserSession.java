package de.akte.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The web UI's sign-in: an HTTP session holding the username, the user's credential version and the moment of
 * sign-in. Roles and departments are read from the directory on every request; a changed credential version
 * (password, roles, access changed) or an expired absolute lifetime ends the session.
 */
public final class BrowserSession {

    /** The header the UI sends with every call; a cross-site form or image cannot set it (CSRF guard). */
    public static final String REQUEST_HEADER = "X-Akte-Request";

    private static final String USERNAME = "akte.username";
    private static final String CREDENTIAL_VERSION = "akte.credentialVersion";
    private static final String SIGNED_IN_AT = "akte.signedInAt";

    /** What a session remembers of its sign-in. */
    public record SignIn(String username, long credentialVersion, Instant signedInAt) {
    }

    private BrowserSession() {
    }

    /** Starts a fresh session for the user; any earlier session is thrown away, so its id cannot be fixed. */
    public static void start(HttpServletRequest request, String username, long credentialVersion, Duration idle) {
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        HttpSession session = request.getSession(true);
        session.setAttribute(USERNAME, username);
        session.setAttribute(CREDENTIAL_VERSION, credentialVersion);
        session.setAttribute(SIGNED_IN_AT, Instant.now());
        session.setMaxInactiveInterval((int) Math.min(Integer.MAX_VALUE, idle.toSeconds()));
    }

    public static void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException e) {
                // invalidated meanwhile
            }
        }
    }

    static Optional<SignIn> signIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        try {
            String username = (String) session.getAttribute(USERNAME);
            Long version = (Long) session.getAttribute(CREDENTIAL_VERSION);
            Instant at = (Instant) session.getAttribute(SIGNED_IN_AT);
            if (username == null || version == null || at == null) {
                return Optional.empty();
            }
            return Optional.of(new SignIn(username, version, at));
        } catch (IllegalStateException e) {
            return Optional.empty(); // invalidated meanwhile
        }
    }

    /** Whether the request comes from the UI's own code (it carries {@link #REQUEST_HEADER}). */
    public static boolean fromUi(HttpServletRequest request) {
        return request.getHeader(REQUEST_HEADER) != null;
    }
}
