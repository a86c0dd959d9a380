package de.akte.core.security;

import java.time.Instant;

/** A freshly issued bearer token: the only moment its clear text exists. */
public record IssuedToken(long id, String token, Instant expiresAt, Instant absoluteExpiresAt) {
}
