package de.akte.core.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/**
 * A bearer token issued to a user; only its SHA-256 is stored, so a database leak reveals no usable token. It
 * expires, and never outlives its absolute limit: a token issued with another token inherits that one's limit, so
 * tokens cannot renew themselves forever. It is void once the user's credentials changed after it was issued.
 */
@Entity
@Table(name = "api_token")
public class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(nullable = false, length = 64)
    private String username;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "absolute_expires_at", nullable = false)
    private Instant absoluteExpiresAt;

    @Column(name = "credential_version", nullable = false)
    private long credentialVersion;

    @Column(length = 100)
    private String label;

    protected ApiToken() {
    }

    public ApiToken(String tokenHash, String username, Instant createdAt, Instant expiresAt, Instant absoluteExpiresAt,
                    long credentialVersion, String label) {
        if (expiresAt.isAfter(absoluteExpiresAt)) {
            throw new IllegalArgumentException("a token cannot expire after its absolute limit");
        }
        this.tokenHash = tokenHash;
        this.username = username;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.absoluteExpiresAt = absoluteExpiresAt;
        this.credentialVersion = credentialVersion;
        this.label = label;
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant absoluteExpiresAt() {
        return absoluteExpiresAt;
    }

    public long credentialVersion() {
        return credentialVersion;
    }

    public Optional<String> label() {
        return Optional.ofNullable(label);
    }

    public boolean validAt(Instant now) {
        return now.isBefore(expiresAt) && now.isBefore(absoluteExpiresAt);
    }
}
