package de.akte.web.security;

import de.akte.web.infrastructure.SecuritySettings;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;

/**
 * Security headers for everything the server sends: the UI loads only its own scripts and styles (no inline code),
 * may not be framed, and nothing is sniffed into another type. The UI's files are revalidated on every load so an
 * update shows at once. Every API answer - page images, downloads, text, metadata - is {@code no-store}: record
 * content must not stay in a shared browser's cache, whatever a resource would allow. With HTTPS
 * ({@code AKTE_HTTPS}) browsers are told to use nothing else (HSTS).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class UiSecurityHeaders extends HttpFilter {

    private static final String CSP = "default-src 'self'; img-src 'self' blob: data:; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    // from the settings beans, not the core's: filters start with the deployment, before the core may be built
    @Inject
    private SecuritySettings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        if (settings.https()) {
            response.setHeader("Strict-Transport-Security", "max-age=" + settings.hstsMaxAge().toSeconds());
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/")) {
            response.setHeader("Cache-Control", "no-cache");
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        chain.doFilter(request, new NoStore(response));
    }

    /** Keeps {@code Cache-Control: no-store} whatever the resource sets. */
    private static final class NoStore extends HttpServletResponseWrapper {
        NoStore(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            if (!"Cache-Control".equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!"Cache-Control".equalsIgnoreCase(name)) {
                super.addHeader(name, value);
            }
        }
    }
}
