package de.akte.web.infrastructure;

import de.akte.core.application.records.DisposalService;
import de.akte.core.application.search.DocumentIndexer;
import de.akte.core.application.records.LegalHoldService;
import de.akte.core.application.records.RetentionService;
import de.akte.core.application.processing.DocumentProcessor;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import de.akte.core.health.Heartbeats;
import de.akte.core.application.health.SystemHealth;
import jakarta.inject.Inject;

import java.time.Instant;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the background work on the container's managed threads: processing workers (two per
 * core, so that while one stores a finished document another keeps the OCR threads busy) and
 * the index outbox drainer. They poll every second and are woken at once when new
 * work is committed; the database is the queue, so nothing is lost if the server stops.
 */
@ApplicationScoped
public class WorkerSignal {

    private static final Logger LOG = Logger.getLogger(WorkerSignal.class.getName());
    private static final int BATCH = 20;
    private static final long INDEX_GATHER_MILLIS = 500;

    @Resource
    private ManagedScheduledExecutorService executor;

    @Inject
    private DocumentProcessor processor;

    @Inject
    private DocumentIndexer indexer;

    @Inject
    private DisposalService disposals;

    @Inject
    private RetentionService retention;

    @Inject
    private LegalHoldService holds;

    @Inject
    private Heartbeats heartbeats;

    private final int workers = 2 * Math.max(1, Runtime.getRuntime().availableProcessors());
    private final Semaphore processing = new Semaphore(workers);
    private final ReentrantLock indexing = new ReentrantLock();
    private final AtomicBoolean indexingRequested = new AtomicBoolean();
    private volatile boolean running;

    /** Starts polling; called once the schema is migrated. */
    public void start() {
        running = true;
        for (int i = 0; i < workers; i++) {
            executor.scheduleWithFixedDelay(this::process, 1, 1, TimeUnit.SECONDS);
        }
        executor.scheduleWithFixedDelay(this::index, 1, 1, TimeUnit.SECONDS);
        // blobs of destroyed records the storage refused (retention still running) or a crash left behind
        executor.scheduleWithFixedDelay(this::deleteDestroyedBlobs, 1, 60, TimeUnit.MINUTES);
        // documents added to a closed or held file after the fact get their storage protection here
        executor.scheduleWithFixedDelay(this::reapplyProtection, 5, 24 * 60, TimeUnit.MINUTES);
    }

    private void reapplyProtection() {
        if (!running) {
            return;
        }
        try {
            retention.reapplyProtection();
            holds.reapplyHolds();
        } catch (Throwable e) {
            LOG.log(Level.WARNING, "re-applying retention and legal holds to storage failed, will retry tomorrow", e);
        }
    }

    private void deleteDestroyedBlobs() {
        if (!running) {
            return;
        }
        try {
            disposals.retryBlobDeletions();
        } catch (Throwable e) {
            LOG.log(Level.WARNING, "deleting blobs of destroyed records failed, will retry in an hour", e);
        }
    }

    /** New work was committed: start a worker now rather than at the next poll. */
    public void workCommitted() {
        if (running) {
            executor.execute(this::process);
            requestIndexing();
        }
    }

    // Index changes are gathered for a moment and committed together: a Lucene commit per document makes a
    // segment per document, and merging those away cost more CPU than the OCR pipeline could spare
    private void requestIndexing() {
        if (indexingRequested.compareAndSet(false, true)) {
            executor.schedule(() -> {
                indexingRequested.set(false);
                index();
            }, INDEX_GATHER_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    void stop() {
        running = false;
    }

    private void process() {
        if (!running) {
            return;
        }
        heartbeats.beat(SystemHealth.PROCESSING, Instant.now());
        if (!processing.tryAcquire()) {
            return;
        }
        try {
            int handled;
            do {
                handled = processor.processDue(BATCH);
                if (handled > 0) {
                    requestIndexing();
                }
            } while (handled > 0 && running);
        } catch (Throwable e) {
            // a scheduled task that throws is never run again: log and keep the worker alive
            LOG.log(Level.WARNING, "processing worker failed, will retry at the next poll", e);
            if (e instanceof VirtualMachineError) {
                heartbeats.fatal(SystemHealth.PROCESSING, e, Instant.now());
            }
        } finally {
            processing.release();
        }
    }

    private void index() {
        if (!running) {
            return;
        }
        heartbeats.beat(SystemHealth.INDEXING, Instant.now());
        if (!indexing.tryLock()) {
            return;
        }
        try {
            while (running && indexer.drain(500) > 0) {
                // keep draining while there is work
            }
        } catch (Throwable e) {
            LOG.log(Level.WARNING, "index outbox drain failed, will retry at the next poll", e);
            if (e instanceof VirtualMachineError) {
                heartbeats.fatal(SystemHealth.INDEXING, e, Instant.now());
            }
        } finally {
            indexing.unlock();
        }
    }
}
