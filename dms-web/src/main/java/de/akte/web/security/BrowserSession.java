package de.akte.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.util.Optional;

/**
 * The web UI's sign-in: an HTTP session holding only the username. Roles and departments are read from the
 * directory on every request, so a disabled user or a changed role takes effect at once.
 */
public final class BrowserSession {

    /** The header the UI sends with every call; a cross-site form or image cannot set it (CSRF guard). */
    public static final String REQUEST_HEADER = "X-Akte-Request";

    private static final String USERNAME = "akte.username";

    private BrowserSession() {
    }

    /** Starts a fresh session for the user; any earlier session is thrown away, so its id cannot be fixed. */
    public static void start(HttpServletRequest request, String username) {
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        request.getSession(true).setAttribute(USERNAME, username);
    }

    public static void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    static Optional<String> username(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable((String) session.getAttribute(USERNAME));
        } catch (IllegalStateException e) {
            return Optional.empty(); // invalidated meanwhile
        }
    }

    /** Whether the request comes from the UI's own code (it carries {@link #REQUEST_HEADER}). */
    public static boolean fromUi(HttpServletRequest request) {
        return request.getHeader(REQUEST_HEADER) != null;
    }
}
