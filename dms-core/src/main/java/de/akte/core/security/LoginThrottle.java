package de.akte.core.security;

import de.akte.core.shared.Clock;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Holds back password guessing, per account and per client address, before any password is hashed.
 *
 * <p>The state lives in memory: it is short-lived by nature, and keeping it in the database would turn every guess
 * into a write an attacker controls. A restart forgets it (locks last minutes to hours, which a restart also
 * costs the attacker); several servers each count on their own. The maps are bounded, dropping the stalest keys.
 *
 * <p>An account lock does not apply at addresses where the account signed in successfully before: an attacker
 * who locks an account does not lock out its owner at their usual workplace. The address lock is the stronger
 * one (longer, growing), so locking many accounts needs many addresses.
 */
public class LoginThrottle {

    /** Whether a sign-in may be tried now. */
    public enum Decision { ALLOWED, DELAYED, LOCKED }

    /** The answer to "may this address try this account now?"; {@code retryAfter} is zero when allowed. */
    public record Verdict(Decision decision, Duration retryAfter, String reason) {
        public boolean allowed() {
            return decision == Decision.ALLOWED;
        }
    }

    /** What a failure changed: a lock that began with it, and the wait before the next try. */
    public record FailureOutcome(int accountFailures, int addressFailures, boolean accountLockedNow,
                                 boolean addressLockedNow, Duration retryAfter) {
    }

    private static final int MAX_KEYS = 100_000;
    private static final int MAX_KNOWN_ADDRESSES = 20;
    private static final Duration KNOWN_ADDRESS_KEPT = Duration.ofDays(90);

    private static final class State {
        int failures;
        int locks;
        Instant lastFailure;
        Instant notBefore;
        Instant lockedUntil;

        boolean lockedAt(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }

        boolean delayedAt(Instant now) {
            return notBefore != null && now.isBefore(notBefore);
        }
    }

    private final ThrottlePolicy accountPolicy;
    private final ThrottlePolicy addressPolicy;
    private final Clock clock;
    private final Map<String, State> accounts = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, State> addresses = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, Map<String, Instant>> knownAddresses = new LinkedHashMap<>(16, 0.75f, true);

    public LoginThrottle(ThrottlePolicy accountPolicy, ThrottlePolicy addressPolicy, Clock clock) {
        this.accountPolicy = accountPolicy;
        this.addressPolicy = addressPolicy;
        this.clock = clock;
    }

    /** Whether {@code address} may try a password for {@code account} now; hashing only follows ALLOWED. */
    public synchronized Verdict check(String account, String address) {
        Instant now = clock.now();
        State byAddress = current(addresses, address, addressPolicy, now);
        if (byAddress != null && byAddress.lockedAt(now)) {
            return new Verdict(Decision.LOCKED, until(now, byAddress.lockedUntil),
                    "too many failed sign-ins from this address; it is locked for a while");
        }
        boolean known = known(account, address, now);
        State byAccount = current(accounts, key(account), accountPolicy, now);
        if (!known && byAccount != null && byAccount.lockedAt(now)) {
            return new Verdict(Decision.LOCKED, until(now, byAccount.lockedUntil),
                    "too many failed sign-ins for this account; it is locked for a while");
        }
        Instant wait = null;
        if (byAddress != null && byAddress.delayedAt(now)) {
            wait = byAddress.notBefore;
        }
        if (!known && byAccount != null && byAccount.delayedAt(now)
                && (wait == null || byAccount.notBefore.isAfter(wait))) {
            wait = byAccount.notBefore;
        }
        if (wait != null) {
            return new Verdict(Decision.DELAYED, until(now, wait),
                    "sign-in attempts are slowed down after failures; try again later");
        }
        return new Verdict(Decision.ALLOWED, Duration.ZERO, null);
    }

    /** Counts a wrong password (or an unknown or disabled account) for both keys. */
    public synchronized FailureOutcome failed(String account, String address) {
        Instant now = clock.now();
        int accountLocks = locks(accounts, key(account));
        State byAccount = fail(accounts, key(account), accountPolicy, now);
        boolean accountLocked = byAccount.locks > accountLocks;
        int addressLocks = locks(addresses, address);
        State byAddress = fail(addresses, address, addressPolicy, now);
        boolean addressLocked = byAddress.locks > addressLocks;
        Duration retry = Duration.ZERO;
        for (State s : new State[]{byAccount, byAddress}) {
            Instant until = s.lockedAt(now) ? s.lockedUntil : s.notBefore;
            if (until != null && until.isAfter(now) && until(now, until).compareTo(retry) > 0) {
                retry = until(now, until);
            }
        }
        return new FailureOutcome(byAccount.failures, byAddress.failures, accountLocked, addressLocked, retry);
    }

    /** A correct password: the account's count starts afresh and the address becomes one the account uses. */
    public synchronized void succeeded(String account, String address) {
        Instant now = clock.now();
        accounts.remove(key(account));
        Map<String, Instant> known = knownAddresses.computeIfAbsent(key(account), k -> new LinkedHashMap<>());
        known.put(address, now);
        if (known.size() > MAX_KNOWN_ADDRESSES) {
            Iterator<String> oldest = known.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        trim(knownAddresses);
    }

    private boolean known(String account, String address, Instant now) {
        Map<String, Instant> known = knownAddresses.get(key(account));
        Instant last = known == null ? null : known.get(address);
        return last != null && now.isBefore(last.plus(KNOWN_ADDRESS_KEPT));
    }

    private static int locks(Map<String, State> states, String key) {
        State s = states.get(key);
        return s == null ? 0 : s.locks;
    }

    private State fail(Map<String, State> states, String key, ThrottlePolicy policy, Instant now) {
        State s = current(states, key, policy, now);
        if (s == null) {
            s = new State();
            states.put(key, s);
            trim(states);
        }
        s.failures++;
        s.lastFailure = now;
        s.notBefore = now.plus(policy.delayAfter(s.failures));
        if (s.failures >= policy.lockAfter()) {
            s.locks++;
            s.lockedUntil = now.plus(policy.lockFor(s.locks));
            // after the lock ends, the very next failure locks again, for longer
            s.failures = policy.lockAfter() - 1;
        }
        return s;
    }

    /** The state of a key, or null once its failures are old enough to be forgotten. */
    private static State current(Map<String, State> states, String key, ThrottlePolicy policy, Instant now) {
        State s = states.get(key);
        if (s == null) {
            return null;
        }
        Instant quietSince = s.lockedUntil != null && s.lockedUntil.isAfter(s.lastFailure) ? s.lockedUntil : s.lastFailure;
        if (!now.isBefore(quietSince.plus(policy.forgetAfter()))) {
            states.remove(key);
            return null;
        }
        return s;
    }

    private static <V> void trim(Map<String, V> states) {
        // access order: the first keys are the ones least recently tried
        Iterator<String> stalest = states.keySet().iterator();
        while (states.size() > MAX_KEYS && stalest.hasNext()) {
            stalest.next();
            stalest.remove();
        }
    }

    private static Duration until(Instant now, Instant then) {
        Duration d = Duration.between(now, then);
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static String key(String account) {
        return account == null ? "" : account.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** How many keys are tracked, for tests: the maps must stay bounded. */
    synchronized int trackedKeys() {
        return accounts.size() + addresses.size();
    }
}
