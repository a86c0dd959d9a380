package de.akte.web.security;

import de.akte.core.application.directory.Directory;
import de.akte.core.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.NotAuthorizedException;

import java.security.Principal;

/** The signed-in user of the current request, with roles and departments as stored now. */
@RequestScoped
public class CurrentCaller {

    private final SecurityContext security;
    private final Directory directory;
    private Caller caller;

    @Inject
    public CurrentCaller(SecurityContext security, Directory directory) {
        this.security = security;
        this.directory = directory;
    }

    protected CurrentCaller() {
        this(null, null);
    }

    public Caller get() {
        if (caller == null) {
            Principal principal = security.getCallerPrincipal();
            if (principal == null) {
                throw new NotAuthorizedException(ApiAuthenticationMechanism.CHALLENGE);
            }
            caller = directory.currentCaller(principal.getName())
                    .orElseThrow(() -> new NotAuthorizedException(ApiAuthenticationMechanism.CHALLENGE));
        }
        return caller;
    }
}
