package de.akte.core.security;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Lets only a few slow password hashes run at once, so a flood of sign-ins cannot occupy every core. A caller
 * waits a bounded time for its turn and is then turned away ({@link BusyException}) rather than queued forever.
 */
public class HashingGate {

    private final Semaphore permits;
    private final Duration maxWait;
    private final int concurrency;

    public HashingGate(int concurrency, Duration maxWait) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("at least one password hash must be able to run");
        }
        this.permits = new Semaphore(concurrency, true);
        this.maxWait = maxWait;
        this.concurrency = concurrency;
    }

    /** Half the cores, at least one: the other half keeps serving those who are signed in. */
    public static int defaultConcurrency() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    /** Runs the hash when a permit is free within the wait; otherwise refuses. */
    public <T> T run(Supplier<T> hashing) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusyException(retryAfter());
        }
        if (!acquired) {
            throw new BusyException(retryAfter());
        }
        try {
            return hashing.get();
        } finally {
            permits.release();
        }
    }

    public int concurrency() {
        return concurrency;
    }

    private Duration retryAfter() {
        return maxWait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : maxWait;
    }

    /** Too many password checks are running; the caller should come back after {@link #retryAfter()}. */
    public static class BusyException extends RuntimeException {
        private final Duration retryAfter;

        public BusyException(Duration retryAfter) {
            super("the server is busy checking other passwords; try again shortly");
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }
}
