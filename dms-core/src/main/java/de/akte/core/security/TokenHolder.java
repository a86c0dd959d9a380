package de.akte.core.security;

import java.time.Instant;

/** Who a valid bearer token speaks for, which token it is, and the limit tokens issued with it inherit. */
public record TokenHolder(SignedInAccount account, long tokenId, Instant absoluteExpiresAt) {
}
