package de.akte.core.application.health;

import de.akte.core.health.ComponentHealth;
import de.akte.core.health.HealthReport;
import de.akte.core.health.HealthStatus;
import de.akte.core.scanning.ScannerStatus;
import de.akte.core.shared.Clock;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What is really working: every check exercises its component (a query, a storage round trip, a write the index
 * must accept) instead of echoing configuration. Database, storage and index decide whether documents can be
 * accepted and found (else DOWN); workers, queues, memory, OCR and the malware scanner can only make the whole
 * DEGRADED, except a heap that is exhausted.
 */
public class SystemHealth {

    public static final String PROCESSING = "processing";
    public static final String INDEXING = "indexing";
    public static final String MALWARE_SCAN = "malwareScan";

    private final StoreHealth stores;
    private final WorkerHealth workers;
    private final ReaderHealth readers;
    private final Clock clock;

    public SystemHealth(StoreHealth stores, WorkerHealth workers, ReaderHealth readers, Clock clock) {
        this.stores = stores;
        this.workers = workers;
        this.readers = readers;
        this.clock = clock;
    }

    /** Checks every component now. */
    public HealthReport check() {
        Map<String, ComponentHealth> components = new LinkedHashMap<>();
        Instant now = clock.now();
        components.put("database", guarded(stores::database));
        components.put("storage", guarded(stores::storage));
        components.put("index", guarded(stores::index));
        boolean database = components.get("database").status() == HealthStatus.UP;
        components.put(PROCESSING, database ? guarded(() -> workers.processing(now)) : workers.worker(PROCESSING, now));
        components.put(INDEXING, database ? guarded(() -> workers.indexing(now)) : workers.worker(INDEXING, now));
        components.put("memory", workers.memory(now));
        components.put("ocr", readers.ocr());
        components.put("parsers", guarded(readers::parsers));
        components.put(MALWARE_SCAN, readers.malwareScan(now));
        HealthStatus status = HealthStatus.UP;
        for (ComponentHealth component : components.values()) {
            status = status.worst(component.status());
        }
        return new HealthReport(status, components);
    }

    /** Scanning off or clamd away cannot stop documents being found, but new files wait or pass unchecked. */
    static ComponentHealth malwareScan(ScannerStatus status, Instant now) {
        return ReaderHealth.malwareScan(status, now);
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
