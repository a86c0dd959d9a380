package de.akte.core.application.directory;

import java.time.Duration;

/**
 * How long an API token lives: {@code idle} after it was issued or renewed, and at most {@code absolute} after its
 * holder last proved their password, however often it is renewed.
 */
public record TokenLifetime(Duration idle, Duration absolute) {

    public TokenLifetime {
        if (idle.isNegative() || idle.isZero() || absolute.compareTo(idle) < 0) {
            throw new IllegalArgumentException("token lifetimes must be positive, the absolute one not shorter");
        }
    }
}
