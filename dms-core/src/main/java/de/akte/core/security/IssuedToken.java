package de.akte.core.security;

import java.time.Instant;

/** A freshly issued bearer token: the only moment its clear text exists. */
public record IssuedToken(String token, Instant expiresAt) {
}
