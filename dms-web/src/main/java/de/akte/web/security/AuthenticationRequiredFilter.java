package de.akte.web.security;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/** Every endpoint needs a signed-in caller unless it is marked {@link PermitAll}. */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationRequiredFilter implements ContainerRequestFilter {

    @Context
    private ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() != null || isPublic()) {
            return;
        }
        // the UI signs in on its own page; a Basic challenge would make the browser pop up its login dialog
        boolean fromUi = request.getHeaderString(BrowserSession.REQUEST_HEADER) != null;
        // the body stays unread: close the connection rather than let the server drain it
        boolean body = request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
        request.abortWith(Response.status(401)
                .header("Connection", body ? "close" : null)
                .header("WWW-Authenticate", fromUi ? null : ApiAuthenticationMechanism.CHALLENGE)
                .type("application/problem+json")
                .entity("{\"type\":\"urn:akte:problem:unauthorized\",\"title\":\"Unauthorized\",\"status\":401,"
                        + "\"detail\":\"sign in first: HTTP Basic, a bearer token or the login page\"}")
                .build());
    }

    private boolean isPublic() {
        if (resource == null || resource.getResourceMethod() == null) {
            return false;
        }
        return resource.getResourceMethod().isAnnotationPresent(PermitAll.class)
                || resource.getResourceClass().isAnnotationPresent(PermitAll.class);
    }
}
