package de.akte.core.health;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** When each background worker last ran, and the last fatal error one of them met: what health reports on them. */
public final class Heartbeats {

    /** A fatal error a worker survived (the JVM's, such as an OutOfMemoryError), and when. */
    public record Fatal(String worker, String error, Instant at) {
    }

    private final Map<String, Instant> beats = new ConcurrentHashMap<>();
    private volatile Fatal lastFatal;

    /** The worker is running its loop now. */
    public void beat(String worker, Instant at) {
        beats.put(worker, at);
    }

    public Optional<Instant> last(String worker) {
        return Optional.ofNullable(beats.get(worker));
    }

    /** A worker caught an error of the JVM (out of memory, stack overflow) and went on. */
    public void fatal(String worker, Throwable error, Instant at) {
        lastFatal = new Fatal(worker, error.getClass().getSimpleName(), at);
    }

    public Optional<Fatal> lastFatal() {
        return Optional.ofNullable(lastFatal);
    }
}
