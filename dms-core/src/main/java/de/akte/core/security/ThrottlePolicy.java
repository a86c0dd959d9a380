package de.akte.core.security;

import java.time.Duration;

/**
 * How hard failed sign-ins are held back for one key (an account or a client address): a few failures are free,
 * then each further try must wait a doubling delay, and from {@code lockAfter} failures on the key is locked for
 * {@code lockDuration}, doubled for every further lock until {@code maxLockDuration}. Failures older than
 * {@code forgetAfter} no longer count.
 */
public record ThrottlePolicy(int freeFailures, Duration firstDelay, Duration maxDelay, int lockAfter,
                             Duration lockDuration, Duration maxLockDuration, Duration forgetAfter) {

    public ThrottlePolicy {
        if (freeFailures < 0 || lockAfter <= freeFailures) {
            throw new IllegalArgumentException("lockAfter must exceed freeFailures, which must not be negative");
        }
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0 || lockDuration.isNegative()
                || maxLockDuration.compareTo(lockDuration) < 0 || forgetAfter.isNegative()) {
            throw new IllegalArgumentException("durations must be positive and maxima not below their start");
        }
    }

    /** Per account: a guesser gets few tries, but a lock never keeps the owner out at a known address. */
    public static ThrottlePolicy accountDefaults() {
        return new ThrottlePolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30), 10, Duration.ofMinutes(15),
                Duration.ofHours(4), Duration.ofHours(1));
    }

    /**
     * Per client address: more free tries (an office behind one NAT mistypes too), but the lock is longer and
     * grows, so one address cannot cheaply lock account after account.
     */
    public static ThrottlePolicy addressDefaults() {
        return new ThrottlePolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(60), 30, Duration.ofHours(1),
                Duration.ofHours(24), Duration.ofHours(1));
    }

    /** How long to wait after the given number of failures before the next try (zero while free). */
    public Duration delayAfter(int failures) {
        if (failures <= freeFailures) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - freeFailures - 1, 30);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** How long the n-th lock (1 = first) of a key lasts. */
    public Duration lockFor(int lockNumber) {
        int doublings = Math.min(Math.max(lockNumber - 1, 0), 30);
        Duration lock = lockDuration.multipliedBy(1L << doublings);
        return lock.compareTo(maxLockDuration) > 0 ? maxLockDuration : lock;
    }
}
