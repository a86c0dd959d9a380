package de.akte.core.application.health;

import de.akte.core.health.HealthLimits;
import de.akte.core.health.HealthReport;
import de.akte.core.health.HealthStatus;
import de.akte.core.health.Heartbeats;
import de.akte.core.infrastructure.filesystem.FileSystemBlobStore;
import de.akte.core.infrastructure.lucene.LuceneTextIndex;
import de.akte.core.infrastructure.lucene.analysis.GermanCompoundSplitter;
import de.akte.core.infrastructure.persistence.jpa.JpaIndexOutbox;
import de.akte.core.infrastructure.persistence.jpa.JpaProcessingTaskRepository;
import de.akte.core.recognition.Capability;
import de.akte.core.scanning.ScannerStatus;
import de.akte.core.scanning.SwitchedOffScanner;
import de.akte.core.testing.JpaTestContext;
import de.akte.core.testing.TestClamd;
import org.junit.jupiter.api.Test;
import de.akte.core.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Health reports what really works: silent workers, old queues, fatal errors, missing OCR and a malware scanner that is
 * away or switched off each show, with why.
 */
class SystemHealthTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void saysDegradedWithTheReasonWhateverIsNotAsItShouldBe(TestDatabase.Kind kind) {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-03T09:00:00Z"));
        AtomicReference<Capability> ocr = new AtomicReference<>(Capability.ready());
        Heartbeats heartbeats = new Heartbeats();
        try (TestClamd clamd = TestClamd.start(dir.resolve("clamd"), 1 << 20);
             JpaTestContext db = new JpaTestContext(kind);
             LuceneTextIndex index = LuceneTextIndex.inMemory(GermanCompoundSplitter.withBundledDictionary())) {
            JpaIndexOutbox outbox = new JpaIndexOutbox(db.entityManager(), now::get);
            SystemHealth health = new SystemHealth(
                    new StoreHealth(db, outbox, new FileSystemBlobStore(dir.resolve("blobs"), dir.resolve("tmp")), index),
                    new WorkerHealth(db, new JpaProcessingTaskRepository(db.entityManager()), outbox, heartbeats,
                            HealthLimits.defaults()),
                    new ReaderHealth(ocr::get, clamd.scanner()), now::get);

            HealthReport beforeStart = health.check();
            assertEquals(HealthStatus.DEGRADED, beforeStart.status());
            assertTrue(beforeStart.components().get("processing").reason().contains("not started"));

            heartbeats.beat(SystemHealth.PROCESSING, now.get());
            heartbeats.beat(SystemHealth.INDEXING, now.get());
            HealthReport running = health.check();
            assertEquals(HealthStatus.UP, running.status(), running.toString());
            assertEquals(HealthStatus.UP, running.components().get("index").status());

            // a change that does not become searchable: the indexing worker runs, but the outbox ages
            db.run(() -> outbox.enqueue(42));
            now.set(now.get().plus(Duration.ofMinutes(7)));
            heartbeats.beat(SystemHealth.PROCESSING, now.get());
            heartbeats.beat(SystemHealth.INDEXING, now.get());
            HealthReport stuck = health.check();
            assertEquals(HealthStatus.DEGRADED, stuck.components().get("indexing").status());
            assertTrue(stuck.components().get("indexing").reason().contains("7 minutes"), stuck.toString());
            db.run(() -> outbox.remove(outbox.oldest(10).stream().map(r -> r.id()).toList()));

            // a worker that stopped running its loop
            now.set(now.get().plus(Duration.ofMinutes(3)));
            heartbeats.beat(SystemHealth.INDEXING, now.get());
            HealthReport silent = health.check();
            assertEquals(HealthStatus.DEGRADED, silent.components().get("processing").status());
            assertTrue(silent.components().get("processing").reason().contains("has not run for 180 s"));

            heartbeats.beat(SystemHealth.PROCESSING, now.get());
            heartbeats.fatal(SystemHealth.PROCESSING, new OutOfMemoryError("Java heap space"), now.get());
            ocr.set(Capability.missing("tesseract is not installed"));
            HealthReport troubled = health.check();
            assertEquals(HealthStatus.DEGRADED, troubled.status());
            assertTrue(troubled.components().get("memory").reason().contains("OutOfMemoryError in the processing"));
            assertTrue(troubled.components().get("ocr").reason().contains("tesseract is not installed"));

            // clamd gone: documents are still found, new files wait
            clamd.stop();
            HealthReport unscanned = health.check();
            assertEquals(HealthStatus.DEGRADED, unscanned.components().get(SystemHealth.MALWARE_SCAN).status());
            assertTrue(unscanned.components().get(SystemHealth.MALWARE_SCAN).reason()
                    .startsWith("new files wait until they can be scanned: the malware scanner (clamd at unix:"),
                    unscanned.toString());
            clamd.startAgain();

            now.set(now.get().plus(Duration.ofMinutes(16)));
            heartbeats.beat(SystemHealth.PROCESSING, now.get());
            heartbeats.beat(SystemHealth.INDEXING, now.get());
            ocr.set(Capability.ready());
            assertEquals(HealthStatus.UP, health.check().status(), "a fatal error long past no longer degrades");
        }
    }

    @Test
    void saysDegradedWhenMalwareScanningIsSwitchedOff() {
        var off = SystemHealth.malwareScan(new SwitchedOffScanner().status(), Instant.parse("2026-12-03T09:00:00Z"));
        assertEquals(HealthStatus.DEGRADED, off.status());
        assertTrue(off.reason().contains("AKTE_MALWARE_SCAN=off"), off.reason());
    }

    @Test
    void saysDegradedWhenTheSignaturesStoppedBeingUpdated() {
        Instant now = Instant.parse("2026-12-03T09:00:00Z");
        ScannerStatus fresh = new ScannerStatus(true, true, "unix:/run/clamav/clamd.ctl", "ClamAV 1.4.6", "27000",
                now.minus(Duration.ofHours(20)), null);
        ScannerStatus stale = new ScannerStatus(true, true, "unix:/run/clamav/clamd.ctl", "ClamAV 1.4.6", "26990",
                now.minus(Duration.ofDays(9)), null);
        assertEquals(HealthStatus.UP, SystemHealth.malwareScan(fresh, now).status());
        assertEquals("the malware signatures are 9 days old: is freshclam running?",
                SystemHealth.malwareScan(stale, now).reason());
    }
}
