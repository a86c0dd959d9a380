package de.akte.core.application.processing;

import java.time.Duration;

/**
 * How processing retries: a worker's lease on a task, the first backoff (doubling each attempt),
 * the number of attempts before a task is given up, how soon a task waiting for a missing
 * capability (OCR not installed) looks again, the name of this server as a lease holder, and how many
 * times a task may take its worker down (an {@code Error}, a killed server, a lease that ran out) before its
 * document is set aside as QUARANTINED.
 */
public record ProcessingPolicy(Duration lease, Duration firstBackoff, int maxAttempts, Duration recheck, String node,
                               int crashLimit) {

    /** Three crashes: one may be bad luck (a neighbour's file exhausted the heap), three in a row are the file. */
    public static final int DEFAULT_CRASH_LIMIT = 3;

    public ProcessingPolicy {
        if (crashLimit < 1) {
            throw new IllegalArgumentException("the crash limit must be at least 1");
        }
    }

    public ProcessingPolicy(Duration lease, Duration firstBackoff, int maxAttempts) {
        this(lease, firstBackoff, maxAttempts, Duration.ofMinutes(1), "local", DEFAULT_CRASH_LIMIT);
    }

    /** The defaults for a server of the given name. */
    public static ProcessingPolicy defaults(String node) {
        return new ProcessingPolicy(Duration.ofMinutes(15), Duration.ofSeconds(30), 6, Duration.ofMinutes(1), node,
                DEFAULT_CRASH_LIMIT);
    }

    /** The same policy with another crash limit. */
    public ProcessingPolicy withCrashLimit(int limit) {
        return new ProcessingPolicy(lease, firstBackoff, maxAttempts, recheck, node, limit);
    }
}
