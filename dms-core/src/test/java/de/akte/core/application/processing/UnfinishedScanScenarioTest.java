package de.akte.core.application.processing;

import de.akte.core.AkteCore;
import de.akte.core.application.directory.Directory;
import de.akte.core.application.documents.DocumentService;
import de.akte.core.application.documents.DocumentView;
import de.akte.core.application.documents.NewDocument;
import de.akte.core.application.filing.NewCaseFile;
import de.akte.core.infrastructure.filesystem.FileSystemBlobStore;
import de.akte.core.scanning.MalwareScanner;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.Clock;
import de.akte.core.shared.ForbiddenException;
import de.akte.core.testing.JpaTestContext;
import de.akte.core.testing.TestClamd;
import de.akte.core.testing.TestCore;
import de.akte.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file the real clamd cannot finish (it keeps it busy past the scan time, or exceeds clamd's own limits) must not
 * wait in RECEIVED for ever, retried every minute: after the processing attempts it is set aside as UNSCANNABLE,
 * quarantined, never shown to a clerk. A clamd that is simply away is different: files wait for it however long
 * it takes, and pass once it is back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnfinishedScanScenarioTest {

    private static final long CLAMD_LIMIT = 4 * 1024 * 1024;
    private static final int ATTEMPTS = 3;

    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-03T09:00:00Z"));
    private final Clock clock = now::get;
    private final Caller admin = new Caller("admin", Set.of(Role.ADMIN), Set.of());
    private Path dir;
    private TestClamd clamd;
    private JpaTestContext db;
    private FileSystemBlobStore blobs;

    @BeforeAll
    void start() throws IOException {
        dir = Files.createTempDirectory("akte-unfinished-scan");
        // clamd reports files over its limits instead of passing them, as the README advises
        clamd = TestClamd.start(dir.resolve("clamd"), CLAMD_LIMIT, List.of("AlertExceedsMax yes", "MaxFiles 20"));
        db = new JpaTestContext(TestDatabase.Kind.H2);
        blobs = new FileSystemBlobStore(dir.resolve("store"), dir.resolve("tmp"), clock);
    }

    @AfterAll
    void stop() throws IOException {
        clamd.close();
        db.close();
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void aFileClamdNeverFinishesIsSetAsideAsUnscannableAfterItsAttempts() throws IOException {
        // a millisecond is far too little for clamd to unpack and scan a few thousand archive entries
        Office office = office(clamd.scanner(Duration.ofMillis(1)));
        DocumentView doc = office.upload("Sammlung", manyEntries(3_000, 12), "sammlung.zip");

        office.settle();
        DocumentView waiting = office.documents().get(office.clerk(), doc.id());
        assertEquals("RECEIVED", waiting.status());
        assertTrue(waiting.statusReason().contains("answers, but did not finish scanning this file")
                && waiting.statusReason().endsWith("it will be scanned again"), waiting.statusReason());

        for (int round = 0; round < ATTEMPTS + 2; round++) {
            now.set(now.get().plus(Duration.ofHours(1)));
            office.settle();
        }

        DocumentView quarantined = office.documents().get(office.clerk(), doc.id());
        assertEquals("QUARANTINED", quarantined.status());
        assertTrue(quarantined.statusReason().startsWith("could not be checked for malware: the malware scanner did "
                + "not finish it in " + ATTEMPTS + " tries"), quarantined.statusReason());
        assertEquals("UNSCANNABLE", office.documents().versions(admin, doc.id()).get(0).malwareScan());
        assertThrows(ForbiddenException.class, () -> office.documents().openContent(office.clerk(), doc.id(), 1));
    }

    @Test
    void aFileOverClamdsLimitsIsUnscannableNotInfected() throws IOException {
        Office office = office(clamd.scanner());
        DocumentView doc = office.upload("Archiv", manyEntries(40, 13), "archiv.zip");

        office.settle();

        DocumentView quarantined = office.documents().get(office.clerk(), doc.id());
        assertEquals("QUARANTINED", quarantined.status());
        assertTrue(quarantined.statusReason().startsWith("could not be checked for malware: the file exceeds the "
                + "malware scanner's limits (clamd: Heuristics.Limits.Exceeded.MaxFiles"), quarantined.statusReason());
        assertEquals("UNSCANNABLE", office.documents().versions(admin, doc.id()).get(0).malwareScan());
    }

    @Test
    void whileClamdIsAwayFilesWaitBeyondTheAttemptsAndPassWhenItReturns() {
        Office office = office(clamd.scanner());
        DocumentView doc;
        clamd.stop();
        try {
            doc = office.upload("Bescheid", "Bescheid über Gebühren".getBytes(StandardCharsets.UTF_8), "b.txt");
            for (int round = 0; round < ATTEMPTS + 3; round++) {
                office.settle();
                now.set(now.get().plus(Duration.ofHours(1)));
            }
            DocumentView waiting = office.documents().get(office.clerk(), doc.id());
            assertEquals("RECEIVED", waiting.status());
            assertTrue(waiting.statusReason().contains("is not reachable"), waiting.statusReason());
        } finally {
            clamd.startAgain();
        }
        office.settle();
        assertEquals("READY", office.documents().get(office.clerk(), doc.id()).status());
        assertEquals("CLEAN", office.documents().versions(admin, doc.id()).get(0).malwareScan());
    }

    private record Office(Caller clerk, String caseFile, DocumentService documents, DocumentProcessor processor) {

        DocumentView upload(String title, byte[] content, String fileName) {
            return documents.upload(clerk, new NewDocument(title, caseFile, null, null, fileName),
                    new ByteArrayInputStream(content));
        }

        void settle() {
            while (processor.processDue(50) > 0) {
                // until nothing is due now
            }
        }
    }

    private Office office(MalwareScanner scanner) {
        AkteCore core = TestCore.over(db, clock, blobs).scanner(scanner)
                .processing(new ProcessingPolicy(Duration.ofMinutes(10), Duration.ofSeconds(30), ATTEMPTS)).build();
        Directory directory = core.directory();
        int n = sequence.incrementAndGet();
        String dept = "u" + n;
        directory.createDepartment(admin, dept, "Abteilung " + n);
        String ref = dept + "-41/2026";
        core.caseFiles().open(admin, new NewCaseFile(ref, "Akte " + n, dept, null, null));
        return new Office(new Caller("clerk" + n, Set.of(Role.CLERK), Set.of(dept)), ref, core.documents(),
                core.processor());
    }

    // random, so that clamd's cache of clean files cannot answer for it
    private static byte[] manyEntries(int entries, long seed) throws IOException {
        Random random = new Random(seed ^ System.nanoTime());
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.setLevel(0);
            byte[] body = new byte[200];
            for (int i = 0; i < entries; i++) {
                out.putNextEntry(new ZipEntry("teil-" + i + ".bin"));
                random.nextBytes(body);
                out.write(body);
            }
        }
        return zip.toByteArray();
    }
}
