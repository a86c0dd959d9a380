package de.akte.core.application.directory;

import java.time.Instant;

/** A bearer token as listed to its owner or an administrator: never the token itself. */
public record TokenView(long id, String username, String label, Instant createdAt, Instant expiresAt,
                        Instant absoluteExpiresAt) {
}
