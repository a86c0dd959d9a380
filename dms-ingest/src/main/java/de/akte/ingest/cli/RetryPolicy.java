package de.akte.ingest.cli;

import java.time.Duration;
import java.util.List;

/** How long to wait before each new attempt after a server error or a broken connection. */
record RetryPolicy(List<Duration> delays) {

    RetryPolicy {
        delays = List.copyOf(delays);
    }

    /** Three more attempts after 1 s, 2 s and 4 s: rides out a server restart without hammering it. */
    static RetryPolicy standard() {
        return new RetryPolicy(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)));
    }

    int attempts() {
        return delays.size() + 1;
    }
}
