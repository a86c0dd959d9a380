package de.akte.core.security;

import de.akte.core.shared.Clock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginThrottleTest {

    private Instant now = Instant.parse("2026-12-03T10:00:00Z");
    private final Clock clock = () -> now;
    private final ThrottlePolicy account = ThrottlePolicy.accountDefaults();
    private final ThrottlePolicy address = ThrottlePolicy.addressDefaults();
    private final LoginThrottle throttle = new LoginThrottle(account, address, clock);

    private void advance(Duration d) {
        now = now.plus(d);
    }

    /** Guesses as fast as the throttle lets them through; returns how many were counted. */
    private int guess(String user, String from, int times) {
        int counted = 0;
        for (int i = 0; i < times; i++) {
            LoginThrottle.Verdict v = throttle.check(user, from);
            if (v.decision() == LoginThrottle.Decision.LOCKED) {
                return counted;
            }
            if (!v.allowed()) {
                advance(v.retryAfter());
            }
            throttle.failed(user, from);
            counted++;
        }
        return counted;
    }

    @Test
    void delaysGrowAfterTheFreeFailures() {
        for (int i = 0; i < account.freeFailures(); i++) {
            assertTrue(throttle.check("anna", "10.0.0.1").allowed());
            throttle.failed("anna", "10.0.0.1");
        }
        assertTrue(throttle.check("anna", "10.0.0.1").allowed(), "the free failures cost no wait");
        LoginThrottle.FailureOutcome fourth = throttle.failed("anna", "10.0.0.1");
        assertEquals(Duration.ofSeconds(1), fourth.retryAfter());
        LoginThrottle.Verdict held = throttle.check("anna", "10.0.0.1");
        assertEquals(LoginThrottle.Decision.DELAYED, held.decision());
        advance(Duration.ofSeconds(1));
        LoginThrottle.FailureOutcome fifth = throttle.failed("anna", "10.0.0.1");
        assertEquals(Duration.ofSeconds(2), fifth.retryAfter(), "each further failure doubles the wait");
    }

    @Test
    void aBurstLocksTheAccountButNotOtherAccounts() {
        assertEquals(account.lockAfter(), guess("anna", "10.0.0.1", 100));
        LoginThrottle.Verdict locked = throttle.check("anna", "10.0.0.2");
        assertEquals(LoginThrottle.Decision.LOCKED, locked.decision(), "the account is locked from anywhere new");
        assertEquals(account.lockDuration(), locked.retryAfter());
        assertTrue(throttle.check("bert", "10.0.0.2").allowed(), "another account from another address is untouched");
    }

    @Test
    void theOwnerStillSignsInFromAnAddressTheyUsedBefore() {
        throttle.succeeded("anna", "10.0.0.7");
        guess("anna", "192.0.2.66", 100);
        assertEquals(LoginThrottle.Decision.LOCKED, throttle.check("anna", "192.0.2.66").decision());
        assertTrue(throttle.check("anna", "10.0.0.7").allowed(),
                "locking the account from elsewhere does not lock its owner out at their desk");
    }

    @Test
    void oneAddressGuessingManyAccountsIsLockedForLongerThanAnAccount() {
        int counted = 0;
        for (int user = 0; counted < address.lockAfter() && user < 100; user++) {
            counted += guess("user" + user, "192.0.2.66", 3);
        }
        LoginThrottle.Verdict verdict = throttle.check("someone-else", "192.0.2.66");
        assertEquals(LoginThrottle.Decision.LOCKED, verdict.decision());
        assertTrue(verdict.retryAfter().compareTo(account.lockDuration()) > 0, "the address lock is the stronger one");
        assertTrue(throttle.check("someone-else", "10.0.0.1").allowed(), "only that address");
    }

    @Test
    void aSecondLockLastsLongerAndOldFailuresAreForgotten() {
        guess("anna", "10.0.0.1", 100);
        advance(account.lockDuration());
        assertTrue(throttle.check("anna", "10.0.0.3").allowed(), "the lock ends");
        LoginThrottle.FailureOutcome again = throttle.failed("anna", "10.0.0.3");
        assertTrue(again.accountLockedNow(), "the next failure after a lock locks again");
        assertEquals(account.lockFor(2), throttle.check("anna", "10.0.0.4").retryAfter());
        advance(account.lockFor(2).plus(account.forgetAfter()));
        assertTrue(throttle.check("anna", "10.0.0.4").allowed());
        assertFalse(throttle.failed("anna", "10.0.0.4").accountLockedNow(), "forgotten after a quiet hour");
    }

    @Test
    void reportsTheLockOnceWhenItBegins() {
        for (int i = 1; i < account.lockAfter(); i++) {
            assertFalse(throttle.failed("anna", "10.0.0." + i).accountLockedNow());
        }
        assertTrue(throttle.failed("anna", "10.0.0.99").accountLockedNow());
    }

    @Test
    void staysBoundedUnderAFloodOfNames() {
        for (int i = 0; i < 120_000; i++) {
            throttle.failed("u" + i, "10.1." + (i / 250) + "." + (i % 250));
        }
        assertTrue(throttle.trackedKeys() <= 200_000, "at most the cap per map");
    }
}
