package de.akte.core.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores bearer tokens by their hash. */
public interface ApiTokenRepository {
    void add(ApiToken token);

    Optional<ApiToken> findByHash(String tokenHash);

    Optional<ApiToken> find(long id);

    /** Unexpired tokens, of one user or (null) of everyone, newest first. */
    List<ApiToken> unexpired(String username, Instant now, int offset, int limit);

    void remove(ApiToken token);

    /** Removes every token of a user; returns how many there were. */
    int removeAllOf(String username);

    int deleteExpired(Instant now);
}
