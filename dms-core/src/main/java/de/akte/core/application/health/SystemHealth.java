package de.akte.core.application.health;

import de.akte.core.health.ComponentHealth;
import de.akte.core.health.HealthLimits;
import de.akte.core.health.HealthReport;
import de.akte.core.health.HealthStatus;
import de.akte.core.health.Heartbeats;

import de.akte.core.indexing.IndexOutbox;
import de.akte.core.indexing.IndexRequest;
import de.akte.core.processing.ProcessingTaskRepository;
import de.akte.core.recognition.Capability;
import de.akte.core.scanning.MalwareScanner;
import de.akte.core.scanning.ScannerStatus;
import de.akte.core.search.TextIndex;
import de.akte.core.shared.Clock;
import de.akte.core.shared.UnitOfWork;
import de.akte.core.storage.BlobId;
import de.akte.core.storage.BlobStore;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What is really working: every check exercises its component (a query, a storage round trip, a write the index
 * must accept) instead of echoing configuration. Database, storage and index decide whether documents can be
 * accepted and found (else DOWN); workers, queues, memory, OCR and the malware scanner can only make the whole
 * DEGRADED, except a heap that is exhausted.
 */
public class SystemHealth {

    /** The SHA-256 of no bytes: asking whether it exists touches the store without needing it to. */
    private static final BlobId PROBE = new BlobId("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    public static final String PROCESSING = "processing";
    public static final String INDEXING = "indexing";
    public static final String MALWARE_SCAN = "malwareScan";
    /** freshclam updates several times a day: signatures a week old mean the updates stopped. */
    private static final Duration SIGNATURES_STALE = Duration.ofDays(7);

    private final UnitOfWork unitOfWork;
    private final IndexOutbox outbox;
    private final ProcessingTaskRepository tasks;
    private final BlobStore blobs;
    private final TextIndex index;
    private final Supplier<Capability> ocr;
    private final Heartbeats heartbeats;
    private final Clock clock;
    private final HealthLimits limits;
    private final Supplier<ComponentHealth> parsers;
    private final MalwareScanner scanner;

    /** Without a check of separate reader processes (embedding applications and tests that read files themselves). */
    public SystemHealth(UnitOfWork unitOfWork, IndexOutbox outbox, ProcessingTaskRepository tasks, BlobStore blobs,
                        TextIndex index, Supplier<Capability> ocr, MalwareScanner scanner, Heartbeats heartbeats,
                        Clock clock, HealthLimits limits) {
        this(unitOfWork, outbox, tasks, blobs, index, ocr, scanner, heartbeats, clock, limits, ComponentHealth::up);
    }

    /**
     * @param parsers checks the separate processes that read and render untrusted files (they start and answer, few
     *                of them crashed lately)
     */
    public SystemHealth(UnitOfWork unitOfWork, IndexOutbox outbox, ProcessingTaskRepository tasks, BlobStore blobs,
                        TextIndex index, Supplier<Capability> ocr, MalwareScanner scanner, Heartbeats heartbeats,
                        Clock clock, HealthLimits limits, Supplier<ComponentHealth> parsers) {
        this.parsers = parsers;
        this.scanner = scanner;
        this.unitOfWork = unitOfWork;
        this.outbox = outbox;
        this.tasks = tasks;
        this.blobs = blobs;
        this.index = index;
        this.ocr = ocr;
        this.heartbeats = heartbeats;
        this.clock = clock;
        this.limits = limits;
    }

    /** Checks every component now. */
    public HealthReport check() {
        Map<String, ComponentHealth> components = new LinkedHashMap<>();
        Instant now = clock.now();
        components.put("database", guarded(() -> {
            unitOfWork.call(outbox::size);
            return ComponentHealth.up();
        }));
        components.put("storage", guarded(() -> {
            blobs.exists(PROBE);
            return ComponentHealth.up();
        }));
        components.put("index", guarded(index::health));
        boolean database = components.get("database").status() == HealthStatus.UP;
        components.put(PROCESSING, database ? guarded(() -> processing(now)) : worker(PROCESSING, now));
        components.put(INDEXING, database ? guarded(() -> indexing(now)) : worker(INDEXING, now));
        components.put("memory", memory(now));
        Capability recognition = ocr.get();
        components.put("ocr", recognition.available() ? ComponentHealth.up()
                : ComponentHealth.degraded("scans wait: " + recognition.reason()));
        components.put("parsers", guarded(parsers::get));
        components.put(MALWARE_SCAN, malwareScan(scanner.status(), now));
        HealthStatus status = HealthStatus.UP;
        for (ComponentHealth component : components.values()) {
            status = status.worst(component.status());
        }
        return new HealthReport(status, components);
    }

    /** Scanning off or clamd away cannot stop documents being found, but new files wait or pass unchecked. */
    static ComponentHealth malwareScan(ScannerStatus status, Instant now) {
        if (!status.enabled()) {
            return ComponentHealth.degraded(status.reason());
        }
        if (!status.available()) {
            return ComponentHealth.degraded("new files wait until they can be scanned: " + status.reason());
        }
        if (status.signaturesDate() != null
                && Duration.between(status.signaturesDate(), now).compareTo(SIGNATURES_STALE) > 0) {
            return ComponentHealth.degraded("the malware signatures are "
                    + Duration.between(status.signaturesDate(), now).toDays() + " days old: is freshclam running?");
        }
        return ComponentHealth.up();
    }

    private ComponentHealth processing(Instant now) {
        ComponentHealth alive = worker(PROCESSING, now);
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

    private ComponentHealth indexing(Instant now) {
        ComponentHealth alive = worker(INDEXING, now);
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

    private ComponentHealth worker(String worker, Instant now) {
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

    private ComponentHealth memory(Instant now) {
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

    private static ComponentHealth guarded(Supplier<ComponentHealth> check) {
        try {
            return check.get();
        } catch (RuntimeException e) {
            String message = e.getMessage();
            return ComponentHealth.down(e.getClass().getSimpleName() + (message == null ? "" : ": " + message));
        }
    }
}
