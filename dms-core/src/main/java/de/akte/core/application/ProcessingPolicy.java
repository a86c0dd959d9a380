package de.akte.core.application;

import java.time.Duration;

/**
 * How processing retries: a worker's lease on a task, the first backoff (doubling each attempt),
 * the number of attempts before a task is given up, how soon a task waiting for a missing
 * capability (OCR not installed) looks again, and the name of this server as a lease holder.
 */
public record ProcessingPolicy(Duration lease, Duration firstBackoff, int maxAttempts, Duration recheck, String node) {

    public ProcessingPolicy(Duration lease, Duration firstBackoff, int maxAttempts) {
        this(lease, firstBackoff, maxAttempts, Duration.ofMinutes(1), "local");
    }

    /** The defaults for a server of the given name. */
    public static ProcessingPolicy defaults(String node) {
        return new ProcessingPolicy(Duration.ofMinutes(15), Duration.ofSeconds(30), 6, Duration.ofMinutes(1), node);
    }
}
