package de.akte.ingest.isolation;

import de.akte.core.health.ComponentHealth;
import de.akte.core.recognition.ReaderCrashedException;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * A fixed number of reader processes, started when first needed and kept for the next job. A process is replaced
 * after {@link ParserSettings#recycleAfter()} jobs, and always after it died, was stopped or failed with a JVM error:
 * the next file gets a fresh one. A watchdog thread stops a process past its stall or time limit.
 */
public final class ParserPool implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ParserPool.class.getName());
    private static final Duration START_LIMIT = Duration.ofSeconds(60);
    private static final Duration PING_LIMIT = Duration.ofSeconds(20);
    /** Health is asked often; a reader is pinged at most this often. */
    private static final Duration HEALTH_TRUST = Duration.ofSeconds(30);
    private static final Duration FIRST_LOOK = Duration.ofSeconds(20);
    private static final Duration CRASH_WINDOW = Duration.ofMinutes(15);

    private record Crash(Instant at, String reason) {
    }

    private record Checked(ComponentHealth health, long atNanos) {
    }

    private final String name;
    private final ParserSettings settings;
    private final Path root;
    private final Semaphore slots;
    private final Deque<ParserProcess> idle = new ConcurrentLinkedDeque<>();
    private final Set<ParserProcess> running = ConcurrentHashMap.newKeySet();
    private final Deque<Crash> crashes = new ArrayDeque<>();
    private final ScheduledExecutorService watchdog;
    private final ExecutorService prober;
    private Future<?> probing;
    private volatile String startFailure;
    private volatile Checked checked;
    private volatile boolean closed;

    /**
     * @param name    names the pool in logs and health, and its directory under the work root (cleaned now)
     * @param size    how many processes at most; callers beyond that wait
     * @param threads makes the watchdog's thread
     */
    public ParserPool(String name, ParserSettings settings, int size, ThreadFactory threads) {
        if (size < 1) {
            throw new IllegalArgumentException("a pool needs at least one process");
        }
        this.name = name;
        this.settings = settings;
        this.root = settings.workRoot().resolve(name);
        // what a killed server's readers left behind
        Directories.deleteQuietly(root);
        this.slots = new Semaphore(size, true);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(threads);
        watchdog.scheduleWithFixedDelay(() -> {
            long now = System.nanoTime();
            running.forEach(p -> p.check(now));
        }, 250, 250, TimeUnit.MILLISECONDS);
        // health's look at the readers never holds up the watchdog
        this.prober = Executors.newSingleThreadExecutor(threads);
        // the first look starts the first reader now, so the first file does not wait for it
        probe();
    }

    public ParserSettings settings() {
        return settings;
    }

    /** Where callers make their job directories: inside the pool's own, so a restart removes what a kill left. */
    Path jobs() {
        return root.resolve("jobs");
    }

    /**
     * Runs one job in a reader process and hands its answer to {@code accept}, which turns it into the result. If the
     * reader died or was stopped, or {@code accept} refuses the answer with a {@link ReaderCrashedException}, the
     * process is discarded and the exception thrown.
     *
     * @throws ReaderUnavailableException when no reader process can be started
     */
    <T> T run(Wire.Job job, Duration stall, Duration limit, Function<Wire.Answer, T> accept) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a file reader", e);
        }
        ParserProcess reader = null;
        boolean keep = false;
        try {
            reader = take();
            Wire.Answer answer = reader.call(job, stall, limit);
            keep = !(answer instanceof Wire.Failure failure && Wire.FailureKind.ERROR.name().equals(failure.kind()));
            return accept.apply(answer);
        } catch (ReaderCrashedException e) {
            keep = false;
            if (closed) {
                // the server is stopping and ended the reader: not the file's fault, it is simply tried again
                throw new IllegalStateException("the server stopped while the file was being read", e);
            }
            crashed(e.getMessage());
            throw e;
        } finally {
            if (reader != null) {
                if (keep && reader.usable() && reader.jobs() < settings.recycleAfter()) {
                    idle.push(reader);
                } else {
                    discard(reader);
                }
            }
            slots.release();
        }
    }

    /**
     * Whether readers start and answer: an idle one is pinged (or one started, if none runs yet) in the background
     * when the last look is older than 30 s, so asking for health never waits for a process to start (except for the
     * very first look, at most 20 s); DEGRADED when none can start or one did not answer, and while readers died in
     * the last 15 minutes.
     */
    public ComponentHealth health() {
        Checked last = checked;
        if (last == null || System.nanoTime() - last.atNanos() > HEALTH_TRUST.toNanos()) {
            Future<?> running = probe();
            if (last == null) {
                try {
                    running.get(FIRST_LOOK.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException | TimeoutException e) {
                    // said below
                }
                last = checked;
                if (last == null) {
                    return ComponentHealth.degraded("no " + name + " process has answered yet");
                }
            }
        }
        ComponentHealth alive = last.health();
        if (alive.status() != de.akte.core.health.HealthStatus.UP) {
            return alive;
        }
        synchronized (crashes) {
            Instant since = Instant.now().minus(CRASH_WINDOW);
            crashes.removeIf(c -> c.at().isBefore(since));
            if (!crashes.isEmpty()) {
                return ComponentHealth.degraded(crashes.size() + " " + name + " process(es) died with a file in the "
                        + "last " + CRASH_WINDOW.toMinutes() + " minutes (last: " + crashes.peekLast().reason()
                        + "); the server was not harmed");
            }
        }
        return ComponentHealth.up();
    }

    // one look at a time, on the prober's thread
    private synchronized Future<?> probe() {
        if (probing == null || probing.isDone()) {
            probing = prober.submit(() -> {
                checked = new Checked(ping(), System.nanoTime());
            });
        }
        return probing;
    }

    private ComponentHealth ping() {
        if (!slots.tryAcquire()) {
            // every reader is busy with a file: they run
            return ComponentHealth.up();
        }
        ParserProcess reader = null;
        try {
            reader = take();
            Wire.Answer answer = reader.call(new Wire.Ping(), PING_LIMIT, PING_LIMIT);
            if (answer instanceof Wire.Pong) {
                idle.push(reader);
                reader = null;
                return ComponentHealth.up();
            }
            return ComponentHealth.degraded("a " + name + " process gave a wrong answer to a ping");
        } catch (ReaderUnavailableException e) {
            return ComponentHealth.degraded(e.getMessage());
        } catch (ReaderCrashedException e) {
            return ComponentHealth.degraded("a " + name + " process did not answer a ping: " + e.getMessage());
        } finally {
            if (reader != null) {
                discard(reader);
            }
            slots.release();
        }
    }

    private ParserProcess take() {
        ParserProcess reader;
        while ((reader = idle.poll()) != null) {
            if (reader.usable()) {
                return reader;
            }
            discard(reader);
        }
        return start();
    }

    private ParserProcess start() {
        Path directory = Directories.create(root, "process-");
        ParserProcess reader = null;
        try {
            reader = ParserProcess.launch(settings, directory);
            running.add(reader);
            reader.awaitReady(START_LIMIT);
            startFailure = null;
            long pid = reader.pid();
            LOG.fine(() -> name + " process " + pid + " started");
            return reader;
        } catch (IOException | RuntimeException e) {
            if (reader != null) {
                discard(reader);
            } else {
                Directories.deleteQuietly(directory);
            }
            String reason = "the " + name + " processes cannot start: " + e.getMessage();
            if (!reason.equals(startFailure)) {
                LOG.severe(reason + " (java " + settings.java() + ", class path " + settings.classPath() + ")");
            }
            startFailure = reason;
            throw new ReaderUnavailableException(reason, e);
        }
    }

    private void discard(ParserProcess reader) {
        running.remove(reader);
        reader.close();
    }

    private void crashed(String reason) {
        LOG.warning(() -> "a " + name + " process died with a file: " + reason);
        synchronized (crashes) {
            crashes.addLast(new Crash(Instant.now(), reason));
            while (crashes.size() > 100) {
                crashes.removeFirst();
            }
        }
    }

    /** Ends every process (busy ones too) and removes the pool's directory. */
    @Override
    public void close() {
        closed = true;
        watchdog.shutdownNow();
        prober.shutdownNow();
        running.forEach(ParserProcess::close);
        running.clear();
        idle.clear();
        Directories.deleteQuietly(root);
    }
}
