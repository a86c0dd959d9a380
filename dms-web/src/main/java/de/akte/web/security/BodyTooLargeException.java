package de.akte.web.security;

import de.akte.web.infrastructure.BodyLimits;

import java.io.IOException;

/** A request body (sent without a length up front) grew past the limit of its path; reading stopped there. */
public class BodyTooLargeException extends IOException {

    private final transient BodyLimits.Limit limit;

    public BodyTooLargeException(BodyLimits.Limit limit) {
        super("the " + limit.kind() + " body is larger than the limit of " + limit.bytes() + " bytes");
        this.limit = limit;
    }

    public BodyLimits.Limit limit() {
        return limit;
    }
}
