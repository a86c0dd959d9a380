package de.akte.core.application;

import java.time.Duration;

/**
 * How processing retries: a worker's lease on a task, the first backoff (doubling each attempt),
 * the number of attempts before a task is given up, and how soon a task waiting for a missing
 * capability (OCR not installed) looks again.
 */
public record ProcessingPolicy(Duration lease, Duration firstBackoff, int maxAttempts, Duration recheck) {

    public ProcessingPolicy(Duration lease, Duration firstBackoff, int maxAttempts) {
        this(lease, firstBackoff, maxAttempts, Duration.ofMinutes(1));
    }

    public static ProcessingPolicy defaults() {
        return new ProcessingPolicy(Duration.ofMinutes(15), Duration.ofSeconds(30), 6, Duration.ofMinutes(1));
    }
}
