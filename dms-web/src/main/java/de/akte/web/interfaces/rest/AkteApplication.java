package de.akte.web.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API under {@code /api}; web.xml maps the same servlet to give it a multipart configuration. */
@ApplicationPath("/api")
public class AkteApplication extends Application {
}
