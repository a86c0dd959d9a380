package de.akte.web.security;

import de.akte.web.infrastructure.SecuritySettings;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Marks the session cookie {@code Secure} when clients reach Akte over HTTPS ({@code AKTE_HTTPS=true}, also behind a
 * TLS proxy, where the server itself sees plain HTTP and could not tell). Only possible while the application
 * starts, hence a listener.
 */
@WebListener
public class SecureCookies implements ServletContextListener {

    @Inject
    private SecuritySettings settings;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (settings.https()) {
            event.getServletContext().getSessionCookieConfig().setSecure(true);
        }
    }
}
