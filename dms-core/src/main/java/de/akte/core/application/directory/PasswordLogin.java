package de.akte.core.application.directory;

import de.akte.core.audit.AuditAction;
import de.akte.core.audit.AuditTrail;
import de.akte.core.security.HashingGate;
import de.akte.core.security.LoginThrottle;
import de.akte.core.security.SignedInAccount;
import de.akte.core.shared.UnitOfWork;
import de.akte.core.security.SystemActor;

import java.time.Duration;
import java.util.Optional;

/**
 * Signing in with a password, guarded: the throttle may refuse before any hashing, the hash itself runs through the
 * {@link HashingGate}, and every failure, lock and success lands in the audit trail. Attempts refused by the
 * throttle are not audited one by one: the lock that refuses them was.
 */
public class PasswordLogin {

    private static final String THROTTLE = SystemActor.SIGN_IN_THROTTLE.actorName();

    /** How a sign-in ended. */
    public enum Outcome { SIGNED_IN, FAILED, DELAYED, LOCKED }

    /** The result; {@code account} only when signed in, {@code retryAfter} when held back. */
    public record Result(Outcome outcome, Optional<SignedInAccount> account, Duration retryAfter, String reason) {
        public boolean signedIn() {
            return outcome == Outcome.SIGNED_IN;
        }
    }

    private final Directory directory;
    private final LoginThrottle throttle;
    private final HashingGate gate;
    private final AuditTrail audit;
    private final UnitOfWork unitOfWork;

    public PasswordLogin(Directory directory, LoginThrottle throttle, HashingGate gate, AuditTrail audit,
                         UnitOfWork unitOfWork) {
        this.directory = directory;
        this.throttle = throttle;
        this.gate = gate;
        this.audit = audit;
        this.unitOfWork = unitOfWork;
    }

    /**
     * Whether the throttle holds this address back for this account now, without checking anything: callers that
     * remember a recent correct password ask this first, so a lock holds for them too.
     */
    public Optional<Result> heldBack(String username, String address) {
        LoginThrottle.Verdict verdict = throttle.check(username == null ? "" : username.strip(), address);
        if (verdict.allowed()) {
            return Optional.empty();
        }
        return Optional.of(new Result(verdict.decision() == LoginThrottle.Decision.LOCKED ? Outcome.LOCKED
                : Outcome.DELAYED, Optional.empty(), verdict.retryAfter(), verdict.reason()));
    }

    /**
     * Checks a password from a client address over a channel ({@code basic}, {@code browser}, …).
     *
     * @throws HashingGate.BusyException when too many passwords are being checked already
     */
    public Result signIn(String username, char[] password, String address, String channel) {
        String name = username == null ? "" : username.strip();
        LoginThrottle.Verdict verdict = throttle.check(name, address);
        if (!verdict.allowed()) {
            return new Result(verdict.decision() == LoginThrottle.Decision.LOCKED ? Outcome.LOCKED : Outcome.DELAYED,
                    Optional.empty(), verdict.retryAfter(), verdict.reason());
        }
        boolean matches = gate.run(() -> directory.authenticate(name, password).isPresent());
        String target = name.length() > 64 ? name.substring(0, 64) : name;
        if (matches) {
            Optional<SignedInAccount> account = directory.session(name);
            if (account.isPresent()) {
                throttle.succeeded(name, address);
                unitOfWork.run(() -> audit.record(target, AuditAction.LOGIN, "user", target,
                        "address=" + address + "; via=" + channel));
                return new Result(Outcome.SIGNED_IN, account, Duration.ZERO, null);
            }
        }
        LoginThrottle.FailureOutcome failure = throttle.failed(name, address);
        unitOfWork.run(() -> {
            audit.record("anonymous", AuditAction.LOGIN_FAILED, "user", target, "address=" + address + "; via="
                    + channel + "; failures for account=" + failure.accountFailures() + ", from address="
                    + failure.addressFailures());
            if (failure.accountLockedNow()) {
                audit.record(THROTTLE, AuditAction.LOGIN_LOCKED, "user", target, "account locked for "
                        + failure.retryAfter() + " after failed sign-ins (last from " + address
                        + "); addresses it signed in from before stay open");
            }
            if (failure.addressLockedNow()) {
                audit.record(THROTTLE, AuditAction.LOGIN_LOCKED, "address", address, "address locked for "
                        + failure.retryAfter() + " after failed sign-ins (last for account " + target + ")");
            }
        });
        return new Result(Outcome.FAILED, Optional.empty(), failure.retryAfter(), "wrong username or password");
    }
}
