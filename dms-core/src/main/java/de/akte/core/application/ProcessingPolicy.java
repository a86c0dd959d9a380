package de.akte.core.application;

import java.time.Duration;

/**
 * How processing retries: a worker's lease on a task, the first backoff (doubling each attempt)
 * and the number of attempts before a task is given up.
 */
public record ProcessingPolicy(Duration lease, Duration firstBackoff, int maxAttempts) {

    public static ProcessingPolicy defaults() {
        return new ProcessingPolicy(Duration.ofMinutes(15), Duration.ofSeconds(30), 6);
    }
}
