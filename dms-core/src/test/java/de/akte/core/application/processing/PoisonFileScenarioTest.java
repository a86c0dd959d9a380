package de.akte.core.application.processing;

import de.akte.core.application.directory.Directory;
import de.akte.core.application.documents.DocumentService;
import de.akte.core.application.documents.DocumentView;
import de.akte.core.application.documents.NewDocument;
import de.akte.core.application.filing.CaseFileService;
import de.akte.core.application.filing.NewCaseFile;
import de.akte.core.application.health.ReaderHealth;
import de.akte.core.application.health.StoreHealth;
import de.akte.core.application.health.SystemHealth;
import de.akte.core.application.health.WorkerHealth;
import de.akte.core.audit.AuditEntry;
import de.akte.core.audit.AuditTrail;
import de.akte.core.infrastructure.filesystem.FileSystemBlobStore;
import de.akte.core.infrastructure.persistence.jpa.JpaIndexOutbox;
import de.akte.core.infrastructure.persistence.jpa.JpaProcessingTaskRepository;
import de.akte.core.processing.ProcessingState;
import de.akte.core.processing.ProcessingTask;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.Clock;
import de.akte.core.shared.ConflictException;
import de.akte.core.shared.ForbiddenException;
import de.akte.core.AkteCore;
import de.akte.core.testing.JpaTestContext;
import de.akte.core.testing.TestCore;
import de.akte.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Poison files: a document whose processing takes its worker down (an Error thrown by recognition, a server killed
 * in the middle, a lease that runs out) is set aside as QUARANTINED at the crash limit, is never handed out again
 * (not even after a restart), and comes back only by an administrator's retry. On H2 and PostgreSQL.
 */
class PoisonFileScenarioTest {

    @Nested
    class OnH2 extends Scenarios {
        OnH2() {
            super(TestDatabase.Kind.H2);
        }
    }

    @Nested
    class OnPostgres extends Scenarios {
        OnPostgres() {
            super(TestDatabase.Kind.POSTGRES);
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Scenarios {
        private static final Duration LEASE = Duration.ofMinutes(10);
        private static final Duration BACKOFF = Duration.ofSeconds(30);

        private final TestDatabase.Kind kind;
        private final AtomicInteger sequence = new AtomicInteger();
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T09:00:00Z"));
        private final Clock clock = now::get;
        private final Caller admin = new Caller("admin", Set.of(Role.ADMIN), Set.of());
        private JpaTestContext db;
        private Path blobDir;
        private JpaProcessingTaskRepository tasks;
        private AuditTrail audit;
        private Directory directory;
        private CaseFileService caseFiles;
        private DocumentService documents;
        private DocumentProcessor processor;

        Scenarios(TestDatabase.Kind kind) {
            this.kind = kind;
        }

        @BeforeAll
        void start() throws IOException {
            db = new JpaTestContext(kind);
            var em = db.entityManager();
            blobDir = Files.createTempDirectory("akte-poison");
            var blobs = new FileSystemBlobStore(blobDir.resolve("store"), blobDir.resolve("tmp"), clock);
            tasks = new JpaProcessingTaskRepository(em);
            AkteCore core = TestCore.over(db, clock, blobs)
                    .processing(new ProcessingPolicy(LEASE, BACKOFF, 6, Duration.ofMinutes(1), "local", 3)).build();
            audit = core.audit();
            directory = core.directory();
            caseFiles = core.caseFiles();
            documents = core.documents();
            processor = core.processor();
        }

        @AfterAll
        void stop() throws IOException {
            db.close();
            try (Stream<Path> files = Files.walk(blobDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }

        private record Office(String caseFile, Caller clerk) {
        }

        private Office office() {
            int n = sequence.incrementAndGet();
            String dept = "p" + n;
            directory.createDepartment(admin, dept, "Abteilung " + n);
            String reference = dept + "-41/2026";
            caseFiles.open(admin, new NewCaseFile(reference, "Akte " + n, dept, null, null));
            return new Office(reference, new Caller("clerk" + n, Set.of(Role.CLERK), Set.of(dept)));
        }

        private DocumentView upload(Office office, String title, String content) {
            return documents.upload(office.clerk(), new NewDocument(title, office.caseFile(), null, "Antrag",
                    "anlage.txt"), new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
        }

        private void settle() {
            while (processor.processDue(50) > 0) {
                // until nothing is due
            }
        }

        private DocumentView status(Office office, long id) {
            return documents.get(office.clerk(), id);
        }

        private ProcessingTask task(long documentId) {
            return db.call(() -> tasks.forDocument(documentId)).get(0);
        }

        /** This server ("local") or another claims the document's task and dies before finishing. */
        private void claimAndDie(long documentId, String owner) {
            long taskId = task(documentId).id();
            assertTrue(db.call(() -> tasks.tryClaim(taskId, now.get(), now.get().plus(LEASE), owner)),
                    "the task must be free to claim");
        }

        private void later(Duration duration) {
            now.updateAndGet(t -> t.plus(duration));
        }

        @ParameterizedTest
        @CsvSource({"%STACKOVERFLOW, StackOverflowError", "%OUTOFMEMORY, OutOfMemoryError",
                "%LINKAGE, NoClassDefFoundError"})
        void anErrorInRecognitionCountsAsACrashAndIsNotRetriedInATightLoop(String poison, String error) {
            Office office = office();
            DocumentView doc = upload(office, "Giftig " + error, poison + " Anlage");

            assertTrue(processor.processDue(50) >= 1, "the worker survives the error and goes on");

            DocumentView waiting = status(office, doc.id());
            assertEquals("RECEIVED", waiting.status());
            assertTrue(waiting.statusReason().contains(error) && waiting.statusReason().contains("retried"),
                    waiting.statusReason());
            ProcessingTask task = task(doc.id());
            assertEquals(ProcessingState.PENDING, task.state());
            assertEquals(1, task.crashes());
            assertTrue(task.lastError().contains(error), task.lastError());
            settle();
            assertEquals(1, task(doc.id()).attempts(), "not handed out again at once");
            later(BACKOFF.minusSeconds(1));
            settle();
            assertEquals(1, task(doc.id()).attempts(), "still waiting out its backoff");
            later(Duration.ofSeconds(2));
            settle();
            assertEquals(2, task(doc.id()).crashes(), "tried again once the backoff has passed");
        }

        @Test
        void aPageOcrDoesNotFinishInTimeIsRetriedWithBackoffAndFailsForAnAdministratorAfterItsAttempts() {
            Office office = office();
            DocumentView doc = upload(office, "Langsamer Scan", "%SLOWPAGE dichte Seite");
            settle();
            DocumentView waiting = status(office, doc.id());
            assertEquals("RECEIVED", waiting.status());
            assertTrue(waiting.statusReason().endsWith("was stopped; it will be retried automatically"),
                    waiting.statusReason());
            assertEquals(0, task(doc.id()).crashes(), "a time-out is not a crash");
            for (int round = 0; round < 8; round++) {
                later(Duration.ofHours(1));
                settle();
            }
            DocumentView failed = status(office, doc.id());
            assertEquals("FAILED", failed.status());
            assertTrue(failed.statusReason().endsWith("(6 tries); an administrator can retry it"),
                    failed.statusReason());
            assertEquals(ProcessingState.FAILED, task(doc.id()).state());
        }

        @Test
        void aFileThatAlreadyTookAWorkerDownWaitsBehindFilesThatDidNot() {
            Office office = office();
            DocumentView poison = upload(office, "Giftig", "%STACKOVERFLOW tief");
            settle();
            assertEquals(1, task(poison.id()).crashes());
            later(Duration.ofHours(1));
            // due later than the poison file, yet handed out first: a backlog of crashing files cannot starve others
            DocumentView letter = upload(office, "Brief", "Sehr geehrte Damen und Herren");

            assertEquals(1, processor.processDue(1));

            assertEquals("READY", status(office, letter.id()).status());
            assertEquals(1, task(poison.id()).crashes(), "the poison file was not tried before the letter");
        }

        @Test
        void healthNamesAFileThatStoppedAWorker() {
            Office office = office();
            DocumentView poison = upload(office, "Verschachtelt", "%STACKOVERFLOW tief verschachtelt");
            settle();
            assertEquals(1, task(poison.id()).crashes());
            de.akte.core.health.Heartbeats heartbeats = new de.akte.core.health.Heartbeats();
            heartbeats.beat(SystemHealth.PROCESSING, now.get());
            heartbeats.beat(SystemHealth.INDEXING, now.get());
            try (var index = de.akte.core.infrastructure.lucene.LuceneTextIndex.inMemory(
                    de.akte.core.infrastructure.lucene.analysis.GermanCompoundSplitter.withBundledDictionary())) {
                JpaIndexOutbox outbox = new JpaIndexOutbox(db.entityManager(), clock);
                SystemHealth health = new SystemHealth(new StoreHealth(db, outbox,
                        new de.akte.core.infrastructure.filesystem.FileSystemBlobStore(blobDir.resolve("health"),
                                blobDir.resolve("health-tmp")), index),
                        new WorkerHealth(db, tasks, outbox, heartbeats, de.akte.core.health.HealthLimits.defaults()),
                        new ReaderHealth(de.akte.core.recognition.Capability::ready,
                                new de.akte.core.scanning.SwitchedOffScanner()), clock);
                var processing = health.check().components().get(SystemHealth.PROCESSING);
                assertEquals(de.akte.core.health.HealthStatus.DEGRADED, processing.status());
                assertTrue(processing.reason().contains("stopped a processing worker"), processing.reason());
            }
        }

        @Test
        void aFileWhoseReaderDiesFailsRetryablyAndIsSetAsideAtTheCrashLimit() {
            Office office = office();
            DocumentView poison = upload(office, "Seitenbombe", "%READERDIED riesige Seiten");
            settle();
            DocumentView failed = status(office, poison.id());
            assertEquals("FAILED", failed.status());
            assertEquals("the file's reader ran out of its memory (512 MiB); it will be retried automatically",
                    failed.statusReason());
            assertEquals(ProcessingState.PENDING, task(poison.id()).state());
            assertEquals(1, task(poison.id()).crashes());
            later(BACKOFF.plusSeconds(1));
            settle();
            assertEquals(2, task(poison.id()).crashes(), "retried by itself after the backoff");
            later(BACKOFF.multipliedBy(2).plusSeconds(1));
            settle();

            DocumentView quarantined = status(office, poison.id());
            assertEquals("QUARANTINED", quarantined.status());
            assertEquals("processing this file stopped its reader 3 times (last: the file's reader ran out of its "
                    + "memory (512 MiB)); it has been set aside and is not retried automatically; an administrator "
                    + "can retry it", quarantined.statusReason());
            assertEquals(ProcessingState.SET_ASIDE, task(poison.id()).state());
            later(Duration.ofDays(1));
            settle();
            assertEquals("QUARANTINED", status(office, poison.id()).status(), "never handed out again by itself");
        }

        @Test
        void aFileThatOverflowsTheStackThreeTimesIsSetAsideAndNeverHandedOutAgain() {
            Office office = office();
            DocumentView poison = upload(office, "Verschachtelt", "%STACKOVERFLOW tief verschachtelt");
            settle();
            later(BACKOFF.plusSeconds(1));
            settle();
            assertEquals(2, task(poison.id()).crashes());
            assertEquals("RECEIVED", status(office, poison.id()).status());
            later(BACKOFF.multipliedBy(2).plusSeconds(1));
            settle();

            DocumentView quarantined = status(office, poison.id());
            assertEquals("QUARANTINED", quarantined.status());
            assertEquals("processing this file stopped the server's worker 3 times (last: StackOverflowError while "
                    + "processing it); it has been set aside and is not retried automatically; an administrator can "
                    + "retry it", quarantined.statusReason());
            assertEquals(ProcessingState.SET_ASIDE, task(poison.id()).state());
            List<AuditEntry> history = db.call(() -> audit.historyOf("document", Long.toString(poison.id()), 5));
            assertTrue(history.stream().anyMatch(e -> e.actor().equals("system:processing")
                    && e.details().contains("set aside after 3 worker crashes")), history::toString);

            int attempts = task(poison.id()).attempts();
            later(Duration.ofDays(2));
            processor.recoverAfterRestart();
            settle();
            assertEquals(attempts, task(poison.id()).attempts(), "neither a restart nor the queue hands it out again");
            assertEquals("QUARANTINED", status(office, poison.id()).status());

            DocumentView normal = upload(office, "Harmlos", "Ein ganz normales Schreiben");
            settle();
            assertEquals("READY", status(office, normal.id()).status(), "the worker goes on with the next file");
            assertTrue(db.call(audit::verify).intact());
        }

        @Test
        void aFileThatKillsTheServerIsSetAsideAfterThreeRestartsAndNotResumedByTheNext() {
            Office office = office();
            DocumentView doc = upload(office, "Absturz", "Bringt angeblich den Server zu Fall");
            for (int restart = 1; restart <= 2; restart++) {
                claimAndDie(doc.id(), "local");
                assertEquals(1, processor.recoverAfterRestart());
                assertEquals(restart, task(doc.id()).crashes());
                DocumentView back = status(office, doc.id());
                assertEquals("RECEIVED", back.status());
                assertTrue(back.statusReason().contains("the server stopped while processing it"),
                        back.statusReason());
            }
            claimAndDie(doc.id(), "local");
            assertEquals(1, processor.recoverAfterRestart());

            DocumentView quarantined = status(office, doc.id());
            assertEquals("QUARANTINED", quarantined.status());
            assertTrue(quarantined.statusReason().contains("3 times (last: the server stopped while processing it)"),
                    quarantined.statusReason());
            assertEquals(0, processor.recoverAfterRestart(), "the next restart finds nothing to resume");
            settle();
            assertEquals(3, task(doc.id()).attempts(), "never handed out again");
            assertEquals(ProcessingState.SET_ASIDE, task(doc.id()).state());
        }

        @Test
        void leasesThatRunOutCountAsCrashesToo() {
            Office office = office();
            DocumentView doc = upload(office, "Hängt", "Der Worker kam nie zurück");
            claimAndDie(doc.id(), "local");
            processor.recoverAfterRestart();
            claimAndDie(doc.id(), "local");
            processor.recoverAfterRestart();
            // the third time another server took it and vanished: its lease runs out
            claimAndDie(doc.id(), "node-b");
            settle();
            assertEquals(ProcessingState.RUNNING, task(doc.id()).state(), "a running lease is respected");
            later(LEASE.plusMinutes(1));
            settle();
            assertEquals(3, task(doc.id()).attempts(), "released, and set aside instead of processed");

            DocumentView quarantined = status(office, doc.id());
            assertEquals("QUARANTINED", quarantined.status());
            assertTrue(quarantined.statusReason().contains("its worker did not finish within 10 minutes"),
                    quarantined.statusReason());
        }

        @Test
        void onlyAnAdministratorRetriesASetAsideDocumentAndTheCrashCountStartsAgain() {
            Office office = office();
            DocumentView doc = upload(office, "Zweite Chance", "Ein Schreiben, das nur einmal Pech hatte");
            for (int i = 0; i < 3; i++) {
                claimAndDie(doc.id(), "local");
                processor.recoverAfterRestart();
            }
            assertEquals("QUARANTINED", status(office, doc.id()).status());

            assertThrows(ForbiddenException.class, () -> processor.retry(office.clerk(), doc.id()));
            assertEquals("QUARANTINED", status(office, doc.id()).status(), "a clerk's refused retry changes nothing");
            processor.retry(admin, doc.id());
            assertEquals(0, task(doc.id()).crashes());
            assertEquals(ProcessingState.PENDING, task(doc.id()).state());
            List<AuditEntry> history = db.call(() -> audit.historyOf("document", Long.toString(doc.id()), 1));
            assertEquals("processing retried; 3 worker crash(es) forgiven", history.get(0).details());

            settle();
            assertEquals("READY", status(office, doc.id()).status());
            assertThrows(ConflictException.class, () -> processor.retry(admin, doc.id()),
                    "nothing left to retry once it is ready");
        }

        @Test
        void aRetriedPoisonFileGetsTheFullLimitAgainBeforeItIsSetAsideOnceMore() {
            Office office = office();
            DocumentView poison = upload(office, "Rückfall", "%OUTOFMEMORY riesige Seite");
            for (int crash = 1; crash <= 3; crash++) {
                settle();
                later(Duration.ofMinutes(5));
            }
            assertEquals("QUARANTINED", status(office, poison.id()).status());

            processor.retry(admin, poison.id());
            settle();
            assertEquals("RECEIVED", status(office, poison.id()).status(), "one crash after the retry is not enough");
            assertEquals(1, task(poison.id()).crashes());
            later(Duration.ofMinutes(5));
            settle();
            later(Duration.ofMinutes(5));
            settle();
            assertEquals("QUARANTINED", status(office, poison.id()).status());
        }
    }
}
