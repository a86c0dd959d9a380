package de.akte.core.application;

import de.akte.core.security.ApiToken;
import de.akte.core.security.ApiTokenRepository;
import de.akte.core.security.Caller;
import de.akte.core.security.IssuedToken;
import de.akte.core.shared.Clock;
import de.akte.core.shared.UnitOfWork;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/** Issues and resolves bearer tokens for programs, so they need not send a password with every call. */
public class ApiTokens {

    private final UnitOfWork unitOfWork;
    private final ApiTokenRepository tokens;
    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    public ApiTokens(UnitOfWork unitOfWork, ApiTokenRepository tokens, Clock clock, Duration lifetime) {
        this.unitOfWork = unitOfWork;
        this.tokens = tokens;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public IssuedToken issue(Caller caller) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiToken stored = new ApiToken(hash(token), caller.username(), clock.now(), clock.now().plus(lifetime));
        unitOfWork.run(() -> {
            tokens.deleteExpired(clock.now());
            tokens.add(stored);
        });
        return new IssuedToken(token, stored.expiresAt());
    }

    /** The username a valid token was issued to. */
    public Optional<String> resolve(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        String h = hash(token.strip());
        return unitOfWork.call(() -> tokens.findByHash(h).filter(t -> t.validAt(clock.now())).map(ApiToken::username));
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
