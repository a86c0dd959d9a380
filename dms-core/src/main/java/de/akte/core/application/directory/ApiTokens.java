package de.akte.core.application.directory;

import de.akte.core.security.Access;
import de.akte.core.audit.AuditAction;
import de.akte.core.audit.AuditTrail;
import de.akte.core.security.ApiToken;
import de.akte.core.security.ApiTokenRepository;
import de.akte.core.security.Caller;
import de.akte.core.security.IssuedToken;
import de.akte.core.security.Role;
import de.akte.core.security.SignedInAccount;
import de.akte.core.security.TokenHolder;
import de.akte.core.shared.Clock;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.shared.NotFoundException;
import de.akte.core.shared.Page;
import de.akte.core.shared.UnitOfWork;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Issues, resolves, lists and revokes bearer tokens for programs, so they need not send a password with every
 * call. A token lives {@code lifetime} at most, and never beyond {@code absoluteLifetime} after its holder last
 * proved their password: a token issued with a token inherits that token's absolute limit.
 */
public class ApiTokens {

    private static final int PAGE_LIMIT = 500;

    private final UnitOfWork unitOfWork;
    private final ApiTokenRepository tokens;
    private final Directory directory;
    private final AuditTrail audit;
    private final Clock clock;
    private final TokenLifetime lifetime;
    private final SecureRandom random = new SecureRandom();

    public ApiTokens(UnitOfWork unitOfWork, ApiTokenRepository tokens, Directory directory, AuditTrail audit,
                     Clock clock, TokenLifetime lifetime) {
        this.unitOfWork = unitOfWork;
        this.tokens = tokens;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /**
     * Issues a token to a signed-in account.
     *
     * @param provenAt when the holder last proved their password (a session's sign-in, now for Basic)
     * @param inheritedLimit the absolute limit of the token the request came with, if any
     * @param label the holder's name for the token (which program uses it), optional
     */
    public IssuedToken issue(SignedInAccount account, Instant provenAt, Optional<Instant> inheritedLimit, String label) {
        String name = label == null || label.isBlank() ? null : label.strip();
        if (name != null && name.length() > 100) {
            throw new InvalidInputException("label", "a token label has at most 100 characters");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.now();
        // stored to the microsecond: an inherited limit must compare equal to the one it came from
        Instant absolute = inheritedLimit.orElse(provenAt.plus(lifetime.absolute())).truncatedTo(ChronoUnit.MICROS);
        Instant expires = now.plus(lifetime.idle()).isAfter(absolute) ? absolute : now.plus(lifetime.idle());
        if (!now.isBefore(expires)) {
            throw new InvalidInputException("token", "the absolute lifetime of this sign-in is over; sign in again");
        }
        String username = account.caller().username();
        ApiToken stored = new ApiToken(hash(token), username, now, expires, absolute, account.credentialVersion(), name);
        unitOfWork.run(() -> {
            tokens.deleteExpired(now);
            tokens.add(stored);
            audit.record(username, AuditAction.TOKEN_ISSUED, "token", String.valueOf(stored.id()),
                    "user=" + username + "; expires " + expires + "; absolute limit " + absolute
                            + (inheritedLimit.isPresent() ? " (inherited from the token used)" : "")
                            + (name == null ? "" : "; label=" + name));
        });
        return new IssuedToken(stored.id(), token, expires, absolute);
    }

    /** The account a valid token speaks for; empty when unknown, expired, revoked or its credentials changed. */
    public Optional<TokenHolder> resolve(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        String h = hash(token.strip());
        Optional<ApiToken> found = unitOfWork.call(() -> tokens.findByHash(h).filter(t -> t.validAt(clock.now())));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ApiToken t = found.get();
        return directory.session(t.username()).filter(a -> a.credentialVersion() == t.credentialVersion())
                .map(a -> new TokenHolder(a, t.id(), t.absoluteExpiresAt()));
    }

    /** The caller's own unexpired tokens, newest first. */
    public List<TokenView> own(Caller caller) {
        return live(unitOfWork.call(() -> tokens.unexpired(caller.username(), clock.now(), 0, PAGE_LIMIT)));
    }

    /**
     * Administrators: unexpired tokens of one user, or of everyone when {@code username} is null. Which page is read
     * from the request only once the caller is known to be an administrator: anyone else is refused whatever it holds.
     */
    public List<TokenView> all(Caller caller, String username, Supplier<Page.Request> request) {
        Access.requireAnyRole(caller, Role.ADMIN);
        Page.Request asked = request.get();
        int limit = Math.min(asked.size(), PAGE_LIMIT);
        return live(unitOfWork.call(() -> tokens.unexpired(username, clock.now(), asked.page() * limit, limit)));
    }

    /** Leaves out tokens voided by a change of their user's credentials since they were issued. */
    private List<TokenView> live(List<ApiToken> unexpired) {
        Map<String, Long> versions = new HashMap<>();
        return unexpired.stream()
                .filter(t -> versions.computeIfAbsent(t.username(), u -> directory.session(u)
                        .map(SignedInAccount::credentialVersion).orElse(-1L)) == t.credentialVersion())
                .map(ApiTokens::view).toList();
    }

    /**
     * Revokes one token: its owner may revoke their own, an administrator any ({@code asAdministrator}). Someone
     * else's token is "not found", whether it exists or not.
     */
    public void revoke(Caller caller, long id, boolean asAdministrator, String reason) {
        if (asAdministrator) {
            Access.requireAnyRole(caller, Role.ADMIN);
        }
        unitOfWork.run(() -> {
            ApiToken token = tokens.find(id).filter(t -> asAdministrator || t.username().equals(caller.username()))
                    .orElseThrow(() -> new NotFoundException("no token " + id));
            tokens.remove(token);
            audit.record(caller.username(), AuditAction.TOKEN_REVOKED, "token", Long.toString(id),
                    "user=" + token.username() + (reason == null || reason.isBlank() ? "" : "; reason: " + reason.strip()));
        });
    }

    /**
     * Revokes every token of a user: their own call, or an administrator's ({@code asAdministrator}, which needs
     * ADMIN even for one's own tokens). Returns how many there were.
     */
    public int revokeAll(Caller caller, String username, boolean asAdministrator, String reason) {
        if (asAdministrator) {
            Access.requireAdministrator(caller);
        } else if (!caller.username().equals(username)) {
            Access.requireAnyRole(caller, Role.ADMIN);
        }
        return unitOfWork.call(() -> {
            int removed = tokens.removeAllOf(username);
            audit.record(caller.username(), AuditAction.TOKEN_REVOKED, "user", username, "all " + removed
                    + " tokens revoked" + (reason == null || reason.isBlank() ? "" : "; reason: " + reason.strip()));
            return removed;
        });
    }

    private static TokenView view(ApiToken t) {
        return new TokenView(t.id(), t.username(), t.label().orElse(null), t.createdAt(), t.expiresAt(),
                t.absoluteExpiresAt());
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
