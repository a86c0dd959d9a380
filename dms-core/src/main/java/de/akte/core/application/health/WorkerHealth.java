package de.akte.core.application.health;

import de.akte.core.health.ComponentHealth;
import de.akte.core.health.HealthLimits;
import de.akte.core.health.HealthStatus;
import de.akte.core.health.Heartbeats;
import de.akte.core.indexing.IndexOutbox;
import de.akte.core.indexing.IndexRequest;
import de.akte.core.processing.ProcessingTaskRepository;
import de.akte.core.shared.UnitOfWork;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The background workers and the heap they run in: each worker alive and keeping up with its queue, no file that
 * stopped a worker lately, and room left in the heap.
 */
public class WorkerHealth {

    private final UnitOfWork unitOfWork;
    private final ProcessingTaskRepository tasks;
    private final IndexOutbox outbox;
    private final Heartbeats heartbeats;
    private final HealthLimits limits;

    public WorkerHealth(UnitOfWork unitOfWork, ProcessingTaskRepository tasks, IndexOutbox outbox,
                        Heartbeats heartbeats, HealthLimits limits) {
        this.unitOfWork = unitOfWork;
        this.tasks = tasks;
        this.outbox = outbox;
        this.heartbeats = heartbeats;
        this.limits = limits;
    }

    ComponentHealth processing(Instant now) {
        ComponentHealth alive = worker(SystemHealth.PROCESSING, now);
        if (alive.status() != HealthStatus.UP) {
            return alive;
        }
        Optional<Instant> oldest = unitOfWork.call(() -> tasks.dueIds(now, 1).stream().findFirst()
                .flatMap(tasks::find).map(t -> t.nextAttemptAt()));
        ComponentHealth waiting = waited(oldest, now, limits.processingWait(),
                "a document has waited %d minutes to be processed");
        if (waiting.status() != HealthStatus.UP) {
            return waiting;
        }
        // a file that stopped a worker (out of memory, a stack overflow, a killed server) is news for an operator
        long crashed = unitOfWork.call(() -> tasks.countCrashedSince(now.minus(limits.fatalMemory())));
        return crashed == 0 ? ComponentHealth.up() : ComponentHealth.degraded(crashed + " document(s) stopped a "
                + "processing worker in the last " + limits.fatalMemory().toMinutes() + " minutes; they wait or "
                + "were set aside");
    }

    ComponentHealth indexing(Instant now) {
        ComponentHealth alive = worker(SystemHealth.INDEXING, now);
        if (alive.status() != HealthStatus.UP) {
            return alive;
        }
        Optional<Instant> oldest = unitOfWork.call(() -> outbox.oldest(1).stream().findFirst()
                .map(IndexRequest::createdAt));
        return waited(oldest, now, limits.indexingWait(), "a change has waited %d minutes to become searchable");
    }

    private static ComponentHealth waited(Optional<Instant> since, Instant now, Duration limit, String message) {
        if (since.isPresent() && Duration.between(since.get(), now).compareTo(limit) > 0) {
            return ComponentHealth.degraded(String.format(message, Duration.between(since.get(), now).toMinutes()));
        }
        return ComponentHealth.up();
    }

    /** Whether the worker ran lately, without asking the database. */
    ComponentHealth worker(String worker, Instant now) {
        Optional<Instant> last = heartbeats.last(worker);
        if (last.isEmpty()) {
            return ComponentHealth.degraded("the " + worker + " worker has not started");
        }
        Duration silent = Duration.between(last.get(), now);
        if (silent.compareTo(limits.workerSilence()) > 0) {
            return ComponentHealth.degraded("the " + worker + " worker has not run for " + silent.toSeconds() + " s");
        }
        return ComponentHealth.up();
    }

    ComponentHealth memory(Instant now) {
        long max = Runtime.getRuntime().maxMemory();
        long retained = 0;
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
        for (MemoryPoolMXBean pool : pools) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                retained += pool.getCollectionUsage().getUsed();
            }
        }
        double share = max <= 0 ? 0 : retained / (double) max;
        String used = String.format("%.0f %% of the heap (%d MiB) still in use after the last collection",
                share * 100, max >> 20);
        if (share >= limits.heapDown()) {
            return ComponentHealth.down(used);
        }
        if (share >= limits.heapDegraded()) {
            return ComponentHealth.degraded(used);
        }
        Optional<Heartbeats.Fatal> fatal = heartbeats.lastFatal()
                .filter(f -> Duration.between(f.at(), now).compareTo(limits.fatalMemory()) < 0);
        if (fatal.isPresent()) {
            return ComponentHealth.degraded(fatal.get().error() + " in the " + fatal.get().worker() + " worker "
                    + Duration.between(fatal.get().at(), now).toMinutes() + " minutes ago");
        }
        return ComponentHealth.up();
    }
}
