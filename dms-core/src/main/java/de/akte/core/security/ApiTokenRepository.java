package de.akte.core.security;

import java.time.Instant;
import java.util.Optional;

/** Stores bearer tokens by their hash. */
public interface ApiTokenRepository {
    void add(ApiToken token);

    Optional<ApiToken> findByHash(String tokenHash);

    int deleteExpired(Instant now);
}
