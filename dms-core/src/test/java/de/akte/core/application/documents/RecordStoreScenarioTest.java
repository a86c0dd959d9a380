package de.akte.core.application.documents;

import de.akte.core.application.directory.Directory;
import de.akte.core.application.directory.NewUser;
import de.akte.core.application.directory.UserChange;
import de.akte.core.application.directory.UserView;
import de.akte.core.application.filing.CaseFileService;
import de.akte.core.application.filing.FilingDecision;
import de.akte.core.application.filing.FilingService;
import de.akte.core.application.filing.Handover;
import de.akte.core.application.filing.NewCaseFile;
import de.akte.core.application.filing.NewRule;
import de.akte.core.application.filing.RoutingDesk;
import de.akte.core.application.filing.RoutingRequestView;
import de.akte.core.application.imports.ImportItemUpload;
import de.akte.core.application.imports.ImportItemView;
import de.akte.core.application.imports.ImportProgress;
import de.akte.core.application.imports.ImportService;
import de.akte.core.application.imports.NewImport;
import de.akte.core.application.processing.DocumentProcessor;
import de.akte.core.application.search.DocumentIndexer;
import de.akte.core.application.search.SearchRequest;
import de.akte.core.application.search.SearchService;
import de.akte.core.testing.PlainTextExtraction;
import de.akte.core.testing.WordVoteClassifier;
import de.akte.core.audit.AuditAction;
import de.akte.core.audit.AuditEntry;
import de.akte.core.audit.AuditTrail;
import de.akte.core.infrastructure.filesystem.FileSystemBlobStore;
import de.akte.core.infrastructure.lucene.LuceneTextIndex;
import de.akte.core.infrastructure.lucene.analysis.GermanCompoundSplitter;
import de.akte.core.infrastructure.persistence.jpa.JpaDocumentRepository;
import de.akte.core.infrastructure.persistence.jpa.JpaProcessingTaskRepository;
import de.akte.core.search.SearchResult;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.Clock;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.shared.NotFoundException;
import de.akte.core.storage.BlobTooLargeException;
import de.akte.core.AkteCore;
import de.akte.core.testing.JpaTestContext;
import de.akte.core.testing.TestCore;
import de.akte.core.testing.TestDatabase;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The record store's core flows over a real database (H2 and PostgreSQL), blob store and index. */
class RecordStoreScenarioTest {

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
        private final TestDatabase.Kind kind;
        private final AtomicInteger sequence = new AtomicInteger();
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-27T09:00:00Z"));
        private final Clock clock = now::get;
        private final PlainTextExtraction extraction = new PlainTextExtraction();
        private JpaTestContext db;
        private Path blobDir;
        private LuceneTextIndex index;
        private DocumentService documents;
        private CaseFileService caseFiles;
        private Directory directory;
        private DocumentProcessor processor;
        private DocumentIndexer indexer;
        private SearchService search;
        private ImportService imports;
        private FilingService filing;
        private final WordVoteClassifier classifier = new WordVoteClassifier();
        private AuditTrail audit;
        private RoutingDesk routing;
        private final Caller admin = new Caller("admin", Set.of(Role.ADMIN), Set.of());

        Scenarios(TestDatabase.Kind kind) {
            this.kind = kind;
        }

        @BeforeAll
        void start() throws IOException {
            db = new JpaTestContext(kind);
            blobDir = Files.createTempDirectory("akte-blobs");
            index = new LuceneTextIndex(new ByteBuffersDirectory(), GermanCompoundSplitter.withBundledDictionary());
            var blobs = new FileSystemBlobStore(blobDir.resolve("store"), blobDir.resolve("tmp"), clock);
            AkteCore core = TestCore.over(db, clock, blobs).index(index).reading(extraction).classifier(classifier)
                    .build();
            audit = core.audit();
            directory = core.directory();
            documents = core.documents();
            caseFiles = core.caseFiles();
            routing = core.routing();
            processor = core.processor();
            indexer = core.indexer();
            filing = core.filing();
            imports = core.imports();
            search = core.search();
        }

        @AfterAll
        void stop() throws IOException {
            index.close();
            db.close();
            try (Stream<Path> files = Files.walk(blobDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }

        /** A fresh department with a case file and a clerk, so tests don't see each other's data. */
        private record Office(String department, String caseFile, Caller clerk) {
        }

        private Office office() {
            int n = sequence.incrementAndGet();
            String dept = "d" + n;
            directory.createDepartment(admin, dept, "Abteilung " + n);
            String ref = dept + "-41/2025";
            caseFiles.open(admin, new NewCaseFile(ref, "Akte " + n, dept, null, null));
            return new Office(dept, ref, new Caller("clerk" + n, Set.of(Role.CLERK), Set.of(dept)));
        }

        private DocumentView upload(Office office, String title, String text) {
            return upload(office, title, text, "brief.txt");
        }

        private DocumentView upload(Office office, String title, String text, String fileName) {
            return documents.upload(office.clerk(), new NewDocument(title, office.caseFile(), null, "Antrag", fileName),
                    stream(text));
        }

        private static InputStream stream(String text) {
            return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        }

        private void settle() {
            while (processor.processDue(50) > 0) {
                // until the queue is empty
            }
            indexer.drainAll();
        }

        private long blobCount() throws IOException {
            try (Stream<Path> files = Files.walk(blobDir.resolve("store"))) {
                return files.filter(Files::isRegularFile).count();
            }
        }

        @Test
        void acceptsDocumentStoresItAndMakesItFindableByItsText() {
            Office office = office();
            DocumentView doc = upload(office, "Bauantrag Lindenstraße", "Antrag auf Baugenehmigung\fSeite zwei mit Straße");
            assertEquals("RECEIVED", doc.status());
            assertEquals(office.caseFile(), doc.caseFile());
            assertEquals(office.department(), doc.department());

            settle();

            assertEquals("READY", documents.get(office.clerk(), doc.id()).status());
            DocumentText text = documents.text(office.clerk(), doc.id());
            assertEquals(2, text.pages().size());
            assertEquals("Seite zwei mit Straße", text.pages().get(1).text());
            SearchResult result = search.search(office.clerk(), new SearchRequest("Baugenehmigung", null, null, null,
                    null, null, 0, 20));
            assertEquals(1, result.total());
            assertEquals(doc.id(), result.items().get(0).documentId());
        }

        @Test
        void keepsEveryVersionDownloadableByteForByte() throws Exception {
            Office office = office();
            DocumentView doc = upload(office, "Vertrag", "Fassung eins");
            VersionView second = documents.addVersion(office.clerk(), doc.id(), "vertrag-v2.txt", stream("Fassung zwei"));
            assertEquals(2, second.version());
            settle();
            List<VersionView> versions = documents.versions(office.clerk(), doc.id());
            assertEquals(List.of(1, 2), versions.stream().map(VersionView::version).toList());
            for (VersionView v : versions) {
                try (InputStream in = documents.openContent(office.clerk(), doc.id(), v.version()).stream()) {
                    byte[] bytes = in.readAllBytes();
                    assertEquals(v.sha256(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
                    assertEquals(v.size(), bytes.length);
                }
            }
            List<AuditAction> actions = db.call(() -> audit.historyOf("document", Long.toString(doc.id()), 10))
                    .stream().map(AuditEntry::action).toList();
            assertTrue(actions.containsAll(List.of(AuditAction.CREATE, AuditAction.NEW_VERSION, AuditAction.READ_CONTENT)),
                    actions::toString);
        }

        @Test
        void hidesOtherDepartmentsRecordsEverywhere() {
            Office mine = office();
            Office theirs = office();
            DocumentView secret = upload(theirs, "Gutachten Nachbar", "vertrauliches Gutachten Zuckerfabrik");
            upload(mine, "Mein Gutachten", "eigenes Gutachten");
            settle();

            assertThrows(NotFoundException.class, () -> documents.get(mine.clerk(), secret.id()));
            assertThrows(NotFoundException.class, () -> documents.openContent(mine.clerk(), secret.id(), 1));
            assertThrows(NotFoundException.class, () -> documents.text(mine.clerk(), secret.id()));
            SearchResult result = search.search(mine.clerk(), new SearchRequest("Gutachten", null, null, null, null,
                    null, 0, 20));
            assertEquals(1, result.total());
            assertFalse(result.facets().get("department").containsKey(theirs.department()));
            assertEquals(0, search.search(mine.clerk(), new SearchRequest("Zuckerfabrik", null, null, null, null, null,
                    0, 20)).total());
            assertEquals(0, caseFiles.findByReference(mine.clerk(), theirs.caseFile(), 0, 20).total());
            // uploading into a case file one may not see reads as "no such case file"
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> documents.upload(mine.clerk(),
                    new NewDocument("x", theirs.caseFile(), null, null, "x.txt"), stream("x")));
            assertEquals("caseFile", e.errors().get(0).field());
        }

        @Test
        void refusesBadUploadsAndStoresNothing() throws IOException {
            Office office = office();
            long blobsBefore = blobCount();
            long docsBefore = db.call(() -> new JpaDocumentRepository(db.entityManager()).count());

            assertField("file", () -> documents.upload(office.clerk(),
                    new NewDocument(null, office.caseFile(), null, null, "leer.txt"), stream("")));
            assertField("file", () -> documents.upload(office.clerk(),
                    new NewDocument(null, office.caseFile(), null, null, "../../etc/passwd"), stream("root:x:0:0")));
            assertField("caseFile", () -> documents.upload(office.clerk(),
                    new NewDocument(null, "99-99/1999", null, null, "a.txt"), stream("text")));
            assertField("department", () -> documents.upload(office.clerk(),
                    new NewDocument(null, null, "nope", null, "a.txt"), stream("text")));
            assertThrows(BlobTooLargeException.class, () -> documents.upload(office.clerk(),
                    new NewDocument(null, office.caseFile(), null, null, "big.txt"),
                    new ByteArrayInputStream(new byte[2 * 1024 * 1024])));
            assertThrows(UnacceptableContentException.class, () -> documents.upload(office.clerk(),
                    new NewDocument(null, office.caseFile(), null, null, "setup.exe"), stream("MZ\u0090\u0000 program")));

            assertEquals(blobsBefore, blobCount());
            assertEquals(docsBefore, (long) db.call(() -> new JpaDocumentRepository(db.entityManager()).count()));
        }

        private static void assertField(String field, org.junit.jupiter.api.function.Executable action) {
            InvalidInputException e = assertThrows(InvalidInputException.class, action);
            assertEquals(field, e.errors().get(0).field(), e::getMessage);
        }

        @Test
        void unreadableContentEndsFailedWithReasonAndKeepsOriginal() throws IOException {
            Office office = office();
            DocumentView doc = upload(office, "Verschlüsselt", "%ENCRYPTED%");
            settle();
            DocumentView after = documents.get(office.clerk(), doc.id());
            assertEquals("FAILED", after.status());
            assertTrue(after.statusReason().contains("password-protected"), after.statusReason());
            try (InputStream in = documents.openContent(office.clerk(), doc.id(), 1).stream()) {
                assertArrayEquals("%ENCRYPTED%".getBytes(StandardCharsets.UTF_8), in.readAllBytes());
            }
        }

        @Test
        void scanWaitsWhileOcrIsMissingAndIsProcessedOnceInstalled() {
            Office office = office();
            extraction.ocrInstalled = false;
            try {
                DocumentView doc = upload(office, "Scan", "%SCAN Eingescannter Widerspruchsbescheid");
                settle();
                DocumentView waiting = documents.get(office.clerk(), doc.id());
                assertEquals("RECEIVED", waiting.status());
                assertTrue(waiting.statusReason().contains("not installed"), waiting.statusReason());
                // waiting does not use up attempts: far more rechecks than maxAttempts
                for (int i = 0; i < 5; i++) {
                    now.updateAndGet(t -> t.plus(Duration.ofMinutes(2)));
                    settle();
                }
                assertEquals("RECEIVED", documents.get(office.clerk(), doc.id()).status());
                extraction.ocrInstalled = true;
                now.updateAndGet(t -> t.plus(Duration.ofMinutes(2)));
                settle();
                assertEquals("READY", documents.get(office.clerk(), doc.id()).status());
                assertEquals(1, search.search(office.clerk(), SearchQueryDefaults.q("Widerspruchsbescheid")).total());
            } finally {
                extraction.ocrInstalled = true;
            }
        }

        @Test
        void quarantinesDangerousContentWithReasonAndKeepsOriginal() throws IOException {
            Office office = office();
            DocumentView doc = upload(office, "Bombe", "%BOMB 42.zip");
            settle();
            DocumentView after = documents.get(office.clerk(), doc.id());
            assertEquals("QUARANTINED", after.status());
            assertTrue(after.statusReason().contains("unpacks"), after.statusReason());
            // a quarantined document's content is for administrators only, on confirmation
            assertThrows(de.akte.core.shared.ForbiddenException.class,
                    () -> documents.openContent(office.clerk(), doc.id(), 1));
            try (InputStream in = documents.openContent(admin, doc.id(), 1, true).stream()) {
                assertArrayEquals("%BOMB 42.zip".getBytes(StandardCharsets.UTF_8), in.readAllBytes());
            }
        }

        @Test
        void storesFoundFieldsWithTheirPlaceAndDatesTheDocument() {
            Office office = office();
            DocumentView doc = upload(office, "Bescheid", "Bescheid vom 2026-11-27 zur Sache");
            settle();
            DocumentView after = documents.get(office.clerk(), doc.id());
            assertEquals(java.time.LocalDate.of(2026, 11, 27), after.documentDate());
            assertEquals(1, after.fields().size());
            DocumentView.FieldView date = after.fields().get(0);
            assertEquals("DOCUMENT_DATE", date.kind());
            assertEquals(1, date.page());
            assertEquals("2026-11-27", "Bescheid vom 2026-11-27 zur Sache".substring(date.start(), date.end()));
            assertEquals("2026-11-27", after.metadata().get("found.documentDate"));
        }

        @Test
        void cutsScannedBatchIntoDocumentsFiledByTheirSeparatorSheets() {
            Office office = office();
            String second = secondCaseFile(office);
            DocumentView batch = documents.upload(office.clerk(), new NewDocument("Stapel", null, office.department(),
                    null, "stapel.txt"), stream("%BATCH\n%SEPARATOR " + office.caseFile() + "\nErster Brief Holzlieferung\n"
                    + "%SEPARATOR " + second + "\nZweiter Brief Kanalsanierung\n"
                    + "%SEPARATOR\nDritter Brief Laternenreparatur"));
            settle();
            DocumentView after = documents.get(office.clerk(), batch.id());
            assertEquals("READY", after.status());
            List<Long> parts = java.util.Arrays.stream(after.metadata().get("batch.parts").split(", "))
                    .map(Long::valueOf).toList();
            assertEquals(3, parts.size());
            assertNull(after.metadata().get("batch.notes"), after.metadata().toString());
            DocumentView first = documents.get(office.clerk(), parts.get(0));
            assertEquals(office.caseFile(), first.caseFile());
            assertEquals(second, documents.get(office.clerk(), parts.get(1)).caseFile());
            assertNull(documents.get(office.clerk(), parts.get(2)).caseFile());
            assertEquals(batch.id(), first.batchDocumentId());
            assertEquals(List.of(parts.get(1)), search.search(office.clerk(), SearchQueryDefaults.q("Kanalsanierung"))
                    .items().stream().map(de.akte.core.search.SearchHit::documentId).toList());
        }

        @Test
        void aSeparatorSheetNeverLeadsOutOfTheBatchsDepartmentAndSaysTheSameForHiddenAndMissing() {
            Office office = office();
            Office hidden = office();
            DocumentView batch = documents.upload(office.clerk(), new NewDocument("Stapel", null, office.department(),
                    null, "stapel.txt"), stream("%BATCH\n%SEPARATOR " + hidden.caseFile() + "\nErster Brief\n"
                    + "%SEPARATOR 999-99/2099\nZweiter Brief"));
            settle();
            DocumentView after = documents.get(office.clerk(), batch.id());
            List<Long> parts = java.util.Arrays.stream(after.metadata().get("batch.parts").split(", "))
                    .map(Long::valueOf).toList();
            DocumentView toHidden = documents.get(office.clerk(), parts.get(0));
            DocumentView toMissing = documents.get(office.clerk(), parts.get(1));
            for (DocumentView part : List.of(toHidden, toMissing)) {
                assertEquals(office.department(), part.department(), "never out of the batch's department");
                assertNull(part.caseFile());
                assertNotNull(part.routingNote());
            }
            assertEquals(toHidden.routingNote(), toMissing.routingNote());
            String[] notes = after.metadata().get("batch.notes").split("; ");
            assertEquals(notes[0].replace("part 1", "part X").replace(hidden.caseFile(), "REF"),
                    notes[1].replace("part 2", "part X").replace("999-99/2099", "REF"),
                    "the note for a hidden reference is the note for a missing one");
            assertEquals(0, search.search(hidden.clerk(), SearchQueryDefaults.q("Brief")).total(),
                    "nothing was written into the hidden department");
            // the registry sees where each reference leads
            List<RoutingRequestView> asked = routing.open(admin, 0, 200).items().stream()
                    .filter(r -> parts.contains(r.documentId())).toList();
            assertEquals(2, asked.size());
            assertTrue(asked.stream().anyMatch(r -> r.detail().contains("department " + hidden.department())), asked.toString());
            assertTrue(asked.stream().anyMatch(r -> r.detail().contains("does not exist")), asked.toString());
        }

        @Test
        void aCaseFileNamedAtUploadBindsTheBatchsParts() {
            Office office = office();
            String second = secondCaseFile(office);
            DocumentView batch = upload(office, "Stapel", "%BATCH\n%SEPARATOR " + second + "\nErster Brief");
            settle();
            long part = Long.parseLong(documents.get(office.clerk(), batch.id()).metadata().get("batch.parts"));
            assertEquals(office.caseFile(), documents.get(office.clerk(), part).caseFile());
            assertTrue(documents.get(office.clerk(), batch.id()).metadata().get("batch.notes").contains("stays there"));
        }

        private String secondCaseFile(Office office) {
            String reference = office.caseFile().replace("-41/", "-42/");
            caseFiles.open(admin, new NewCaseFile(reference, "Zweite Akte", office.department(), null, null));
            return reference;
        }

        private ImportItemView importFile(Caller scanner, long batch, String path, String text) {
            return imports.importItem(scanner, batch, new ImportItemUpload(path, null, null, null, null, null, null),
                    stream(text)).item();
        }

        @Test
        void importsEachFileOnceAndARerunSkipsWhatIsDone() {
            Office office = office();
            Caller scanner = new Caller("scanner" + office.department(), Set.of(Role.SCANNER), Set.of(office.department()));
            NewImport request = new NewImport("batch-" + office.department(), "cli:pc:/scans", null, null,
                    office.caseFile(), null, "Altakte", "Frau Scan", 3);
            ImportService.Opened opened = imports.open(scanner, request);
            long batch = opened.batch().id();
            importFile(scanner, batch, "a/eins.txt", "Erster Brief Zaunbau");
            importFile(scanner, batch, "a/zwei.txt", "Zweiter Brief Dachsanierung");
            ImportItemView copy = importFile(scanner, batch, "b/kopie.txt", "Erster Brief Zaunbau");
            assertEquals("DUPLICATE", copy.state());

            // the same import again: same batch, nothing stored twice
            ImportService.Opened again = imports.open(scanner, request);
            assertTrue(again.resumed());
            assertEquals(batch, again.batch().id());
            ImportItemView repeated = importFile(scanner, batch, "a/eins.txt", "Erster Brief Zaunbau");
            assertEquals("IMPORTED", repeated.state());
            assertThrows(de.akte.core.shared.ConflictException.class, () -> imports.importItem(scanner, batch,
                    new ImportItemUpload("a/eins.txt", "0".repeat(64), null, null, null, null, null),
                    stream("anderer Inhalt")));
            settle();
            assertEquals(1, search.search(office.clerk(), SearchQueryDefaults.q("Zaunbau")).total());
            ImportProgress progress = imports.progress(scanner, batch);
            assertEquals(3, progress.received());
            assertEquals(3, progress.done());
            assertEquals(1, progress.duplicates());
            assertEquals("IMPORTING", progress.state());
            assertEquals("Altakte", documents.get(office.clerk(), repeated.documentId()).documentType());
        }

        @Test
        void aRefusedFileFailsAloneWithReasonAndTheProtocolIsKept() {
            Office office = office();
            Caller scanner = new Caller("scan2" + office.department(), Set.of(Role.SCANNER), Set.of(office.department()));
            long batch = imports.open(scanner, new NewImport("b2-" + office.department(), "cli:pc:/x", null, null,
                    null, office.department(), null, null, null)).batch().id();
            importFile(scanner, batch, "gut.txt", "Ein guter Brief Brunnenbau");
            assertThrows(InvalidInputException.class, () -> imports.importItem(scanner, batch,
                    new ImportItemUpload("falsch.txt", null, "999-1/1999", null, null, null, null), stream("Text")));
            assertThrows(InvalidInputException.class, () -> importFile(scanner, batch, "leer.txt", ""));
            importFile(scanner, batch, "auch-gut.txt", "Noch ein Brief Brunnenbau");
            settle();

            List<ImportItemView> failures = imports.failures(scanner, batch);
            assertEquals(List.of("falsch.txt", "leer.txt"), failures.stream().map(ImportItemView::path).toList());
            assertTrue(failures.get(0).reason().contains("999-1/1999"), failures.get(0).reason());
            ImportProgress done = imports.complete(scanner, batch);
            assertEquals(2, done.done());
            assertEquals(2, done.failed());
            assertNotNull(done.protocolDocumentId());
            assertEquals(List.of(done.protocolDocumentId()), done.protocolDocumentIds());
            settle();
            String protocol = documents.text(office.clerk(), done.protocolDocumentId()).pages().get(0).text();
            assertTrue(protocol.contains("gut.txt;"), protocol);
            assertTrue(protocol.contains("imported by: " + scanner.username()), protocol);
            // another scanner does not even learn that the batch exists
            Caller other = new Caller("other", Set.of(Role.SCANNER), Set.of(office.department()));
            assertThrows(NotFoundException.class, () -> imports.progress(other, batch));
            // nor sees it in the list of imports, where its own scanner finds it first
            assertEquals(batch, imports.newest(scanner, 5).get(0).id());
            assertTrue(imports.newest(other, 5).stream().noneMatch(p -> p.id() == batch));
        }

        private DocumentView scan(Office office, String text) {
            return documents.upload(office.clerk(), new NewDocument("Scan", null, office.department(), null, "scan.txt"),
                    stream(text));
        }

        @Test
        void anUnsureDocumentWaitsInTheInboxAndAcceptingItTeachesTheClassifier() {
            Office office = office();
            String d = office.department();
            DocumentView first = scan(office, "Wohngeld" + d + " Familienkasse" + d + " Einkommensnachweis" + d);
            settle();
            DocumentView waiting = documents.get(office.clerk(), first.id());
            assertEquals("REVIEW", waiting.filingState());
            assertEquals(List.of(first.id()), filing.inbox(office.clerk(), office.department(), 0, 20).items().stream()
                    .map(DocumentView::id).toList());

            filing.file(office.clerk(), first.id(), new FilingDecision("Wohngeldantrag", null, office.caseFile()));
            DocumentView filed = documents.get(office.clerk(), first.id());
            assertEquals("FILED", filed.filingState());
            assertEquals(office.caseFile(), filed.caseFile());
            assertEquals(0, filing.inbox(office.clerk(), office.department(), 0, 20).total());

            // the next one like it is known at once: filed automatically, with the reason
            DocumentView second = scan(office, "Wohngeld" + d + " Familienkasse" + d + " Mietvertrag" + d);
            settle();
            DocumentView auto = documents.get(office.clerk(), second.id());
            assertEquals("AUTO_FILED", auto.filingState(), auto.classification().toString());
            assertEquals("Wohngeldantrag", auto.documentType());
            assertEquals(office.caseFile(), auto.caseFile());
            assertTrue(auto.classification().get("documentType").confidence() >= 0.8);
        }

        @Test
        void aCorrectionChangesTheNextPrediction() {
            Office office = office();
            String d = office.department();
            DocumentView first = scan(office, "Rechnung" + d + " Strassenbeleuchtung" + d + " Austausch" + d);
            settle();
            filing.file(office.clerk(), first.id(), new FilingDecision("Rechnung", null, office.caseFile()));
            DocumentView second = scan(office, "Rechnung" + d + " Strassenbeleuchtung" + d + " Reparatur" + d);
            settle();
            assertEquals("Rechnung", documents.get(office.clerk(), second.id()).documentType());

            filing.file(office.clerk(), second.id(), new FilingDecision("Mahnung", null, null));
            filing.file(office.clerk(), first.id(), new FilingDecision("Mahnung", null, null));
            DocumentView third = scan(office, "Rechnung" + d + " Strassenbeleuchtung" + d + " Wartung" + d);
            settle();
            assertEquals("Mahnung", documents.get(office.clerk(), third.id()).classification().get("documentType").value());
        }

        @Test
        void rulesBeatLearningAndTheHigherPriorityWins() {
            Office office = office();
            assertThrows(de.akte.core.shared.ForbiddenException.class, () -> filing.addRule(office.clerk(),
                    new NewRule("documentType", "Bauantrag", "Bauantrag", "KEYWORD", 1)));
            assertThrows(InvalidInputException.class, () -> filing.addRule(admin,
                    new NewRule("documentType", "Kaputt", "([", "REGEX", 1)));
            filing.addRule(admin, new NewRule("documentType", "Bauantrag", "Bauantrag|Baugenehmigung", "KEYWORD", 5));
            filing.addRule(admin, new NewRule("documentType", "Bauvoranfrage", "Bauvoranfrage zur Baugenehmigung",
                    "PHRASE", 10));
            try {
                DocumentView plain = scan(office, "Wir bitten um Baugenehmigung fuer einen Carport");
                DocumentView specific = scan(office, "Bauvoranfrage zur Baugenehmigung eines Hauses");
                settle();
                // the learned department may move them elsewhere; the administrator sees every department
                DocumentView.PredictionView p = documents.get(admin, plain.id()).classification().get("documentType");
                assertEquals("Bauantrag", p.value());
                assertEquals(1.0, p.confidence());
                assertTrue(p.reason().contains("Bauantrag|Baugenehmigung"), p.reason());
                assertEquals("Bauvoranfrage", documents.get(admin, specific.id()).documentType());
            } finally {
                filing.rules(admin).forEach(r -> filing.removeRule(admin, r.id()));
            }
        }

        @Test
        void aFileReferenceOnThePageBeatsAnyGuess() {
            Office office = office();
            DocumentView doc = documents.upload(office.clerk(), new NewDocument("Brief", null, office.department(),
                    "Brief", "brief.txt"), stream("%REF " + office.caseFile() + " Schreiben zur Sache"));
            settle();
            DocumentView filed = documents.get(office.clerk(), doc.id());
            assertEquals(office.caseFile(), filed.caseFile());
            assertEquals("AUTO_FILED", filed.filingState());
            assertTrue(filed.classification().get("caseFile").reason().contains("found on page 1"),
                    filed.classification().toString());
        }

        @Test
        void aFileReferenceOfAnotherDepartmentNeitherMovesTheDocumentNorShowsInItsDepartment() {
            Office office = office();
            Office other = office();
            // even an uploader who may see both departments: the department named at upload is binding
            Caller both = new Caller("both2", Set.of(Role.CLERK), Set.of(office.department(), other.department()));
            DocumentView toOther = documents.upload(both, new NewDocument("Brief", null, office.department(),
                    "Brief", "brief.txt"), stream("%REF " + other.caseFile() + " Schreiben zur Sache"));
            DocumentView toNowhere = documents.upload(both, new NewDocument("Brief", null, office.department(),
                    "Brief", "brief.txt"), stream("%REF 998-99/2099 Schreiben zur Sache"));
            settle();
            DocumentView a = documents.get(office.clerk(), toOther.id());
            DocumentView b = documents.get(office.clerk(), toNowhere.id());
            assertEquals(office.department(), a.department(), "not moved");
            assertNull(a.caseFile());
            assertEquals(a.filingState(), b.filingState());
            assertEquals(a.routingNote(), b.routingNote());
            assertEquals(a.classification().keySet(), b.classification().keySet());
            assertFalse(a.classification().toString().contains(other.caseFile()), a.classification().toString());
            assertFalse(a.classification().toString().contains(other.department()), a.classification().toString());
            assertTrue(routing.open(admin, 0, 200).items().stream().anyMatch(r -> r.documentId() == a.id()
                    && r.cause().equals("TEXT_REFERENCE") && r.detail().contains(other.caseFile())));
            assertTrue(routing.open(admin, 0, 200).items().stream().noneMatch(r -> r.documentId() == b.id()));
        }

        @Test
        void resemblanceToAnotherDepartmentBecomesANeutralNoteAndTheRegistryHandsItOver() {
            Office office = office();
            Office other = office();
            String d = other.department();
            for (int i = 0; i < 3; i++) {
                DocumentView taught = scan(other, "Wohngeld" + d + " Mietzuschuss" + d + " Antrag" + i);
                settle();
                filing.file(other.clerk(), taught.id(), new FilingDecision("Wohngeldantrag", null, other.caseFile()));
            }
            DocumentView letter = scan(office, "Wohngeld" + d + " Mietzuschuss" + d + " bitte");
            settle();
            DocumentView seen = documents.get(office.clerk(), letter.id());
            assertEquals(office.department(), seen.department(), "automation never moves it out");
            assertNull(seen.caseFile());
            assertEquals(FilingService.ANOTHER_DEPARTMENT, seen.routingNote());
            String shown = seen.classification().toString() + seen.routingNote();
            assertFalse(shown.contains(other.department()) || shown.contains(other.caseFile())
                    || shown.contains("Wohngeldantrag") || shown.contains("Mietzuschuss"), shown);
            RoutingRequestView asked = routing.open(admin, 0, 200).items().stream()
                    .filter(r -> r.documentId() == letter.id()).findFirst().orElseThrow();
            assertEquals("RESEMBLANCE", asked.cause());
            assertTrue(asked.detail().contains("department " + other.department()), asked.detail());
            List<AuditEntry> trail = db.call(() -> audit.historyOf("document", Long.toString(letter.id()), 20));
            assertTrue(trail.stream().anyMatch(e -> e.actor().equals("system:filing")
                    && e.details().equals("registry asked where it belongs: RESEMBLANCE")), trail::toString);
            assertTrue(trail.stream().anyMatch(e -> e.actor().equals("system:filing")
                    && e.details().startsWith("to the review inbox: ")), trail::toString);

            assertThrows(de.akte.core.shared.ForbiddenException.class, () -> routing.handOver(office.clerk(),
                    letter.id(), new Handover(other.department(), null, "belongs there")));
            assertThrows(de.akte.core.shared.ForbiddenException.class, () -> routing.open(office.clerk(), 0, 20));
            assertField("reason", () -> routing.handOver(admin, letter.id(), new Handover(other.department(), null, " ")));
            DocumentView handed = routing.handOver(admin, letter.id(),
                    new Handover(other.department(), other.caseFile(), "Wohngeld is theirs"));
            assertEquals(other.department(), handed.department());
            assertEquals(other.caseFile(), handed.caseFile());
            assertNull(handed.routingNote());
            assertTrue(routing.open(admin, 0, 200).items().stream().noneMatch(r -> r.documentId() == letter.id()));
            assertThrows(NotFoundException.class, () -> documents.get(office.clerk(), letter.id()));
        }

        @Test
        void reasonsNameOnlyRecordsOfTheDocumentsOwnDepartment() {
            Office office = office();
            Office other = office();
            String word = "Sondernutzung" + office.department();
            DocumentView own = scan(office, word + " Strasse Gehweg");
            DocumentView foreign = scan(other, word + " Strasse Gehweg Cafe");
            settle();
            filing.file(office.clerk(), own.id(), new FilingDecision("Erlaubnis", null, office.caseFile()));
            filing.file(other.clerk(), foreign.id(), new FilingDecision("Erlaubnis", null, other.caseFile()));
            DocumentView next = scan(office, word + " Strasse Gehweg Cafe Tische");
            settle();
            String reasons = documents.get(office.clerk(), next.id()).classification().toString();
            assertTrue(java.util.regex.Pattern.compile("\\b" + own.id() + "\\b").matcher(reasons).find(), reasons);
            assertFalse(java.util.regex.Pattern.compile("\\b" + foreign.id() + "\\b").matcher(reasons).find(), reasons);
        }

        @Test
        void retriesTransientFailuresWithBackoffThenSucceeds() {
            Office office = office();
            extraction.transientFailures.put("wackelig.txt", new AtomicInteger(1));
            DocumentView doc = upload(office, "Wackelig", "Text kommt beim zweiten Versuch", "wackelig.txt");
            settle();
            DocumentView waiting = documents.get(office.clerk(), doc.id());
            assertEquals("RECEIVED", waiting.status());
            assertTrue(waiting.statusReason().contains("retried"), waiting.statusReason());
            now.updateAndGet(t -> t.plusSeconds(31));
            settle();
            assertEquals("READY", documents.get(office.clerk(), doc.id()).status());
        }

        @Test
        void administratorRetriesDocumentThatFailedForGood() {
            Office office = office();
            extraction.transientFailures.put("kaputt.txt", new AtomicInteger(3));
            DocumentView doc = upload(office, "Kaputt", "Text", "kaputt.txt");
            for (int i = 0; i < 3; i++) {
                settle();
                now.updateAndGet(t -> t.plus(Duration.ofMinutes(5)));
            }
            assertEquals("FAILED", documents.get(office.clerk(), doc.id()).status());
            assertThrows(de.akte.core.shared.ForbiddenException.class, () -> processor.retry(office.clerk(), doc.id()));
            processor.retry(admin, doc.id());
            settle();
            assertEquals("READY", documents.get(office.clerk(), doc.id()).status());
        }

        @Test
        void metadataChangeIsAuditedAndReindexed() {
            Office office = office();
            DocumentView doc = upload(office, "Alter Titel", "Inhalt");
            settle();
            documents.changeMetadata(office.clerk(), doc.id(), new MetadataChange("Widerspruchsbescheid Müller",
                    "Bescheid", null, java.time.LocalDate.of(2024, 5, 3)));
            indexer.drainAll();
            SearchResult result = search.search(office.clerk(), new SearchRequest("Widerspruchsbescheid", null, null,
                    null, null, null, 0, 20));
            assertEquals(1, result.total());
            assertEquals(1L, result.facets().get("year").get("2024"));
            AuditEntry newest = db.call(() -> audit.historyOf("document", Long.toString(doc.id()), 1)).get(0);
            assertEquals(AuditAction.UPDATE_METADATA, newest.action());
            assertTrue(newest.details().contains("Widerspruchsbescheid"), newest.details());
            assertTrue(db.call(audit::verify).intact());
        }

        @Test
        void indexRebuildRestoresEverythingFromTheDatabase() {
            Office office = office();
            DocumentView doc = upload(office, "Wiederaufbau", "Rekonstruktion des Suchindex");
            settle();
            index.deleteAll();
            index.commit();
            assertEquals(0, search.search(office.clerk(), SearchQueryDefaults.q("Rekonstruktion")).total());
            long indexed = indexer.rebuild(admin);
            assertTrue(indexed >= 1);
            assertEquals(doc.id(), search.search(office.clerk(), SearchQueryDefaults.q("Rekonstruktion")).items().get(0)
                    .documentId());
        }

        @Test
        void crashedWorkerLeaseRunsOutAndTaskIsProcessedAgain() {
            Office office = office();
            DocumentView doc = upload(office, "Absturz", "Nach dem Neustart weiter");
            // a worker claims the task and dies before finishing
            long taskId = db.call(() -> new JpaProcessingTaskRepository(db.entityManager()).dueIds(now.get(), 10)).get(0);
            assertTrue(db.call(() -> new JpaProcessingTaskRepository(db.entityManager())
                    .tryClaim(taskId, now.get(), now.get().plus(Duration.ofMinutes(10)), "elsewhere")));
            assertEquals(0, processor.processDue(10));
            now.updateAndGet(t -> t.plus(Duration.ofMinutes(11)));
            settle();
            assertEquals("READY", documents.get(office.clerk(), doc.id()).status());
        }

        @Test
        void restartedServerTakesBackAtOnceWhatItHeldWhenItDied() {
            Office office = office();
            DocumentView doc = upload(office, "Kill", "Nach kill -9 sofort weiter");
            long taskId = db.call(() -> new JpaProcessingTaskRepository(db.entityManager()).dueIds(now.get(), 10)).get(0);
            // this server ("local") claimed the task, then died
            assertTrue(db.call(() -> new JpaProcessingTaskRepository(db.entityManager())
                    .tryClaim(taskId, now.get(), now.get().plus(Duration.ofMinutes(10)), "local")));
            assertEquals(0, processor.processDue(10));

            assertEquals(1, processor.recoverAfterRestart());
            settle();
            assertEquals("READY", documents.get(office.clerk(), doc.id()).status(), "no need to wait for the lease");
        }

        @Test
        void administratorChangesAccessAndDisablesUsers() {
            Office first = office();
            Office second = office();
            String username = "wechsel" + sequence.incrementAndGet();
            directory.createUser(admin, new NewUser(username, "first password", List.of("CLERK"),
                    List.of(first.department())));
            UserView moved = directory.changeUser(admin, username,
                    new UserChange(null, List.of(second.department()), "second password", null, "Umsetzung ins Fachamt"));
            assertEquals(Set.of(second.department()), moved.departments());
            assertTrue(directory.authenticate(username, "first password".toCharArray()).isEmpty());
            assertEquals(Set.of(second.department()),
                    directory.authenticate(username, "second password".toCharArray()).orElseThrow().departments());
            directory.changeUser(admin, username, new UserChange(null, null, null, false, "ausgeschieden"));
            assertTrue(directory.authenticate(username, "second password".toCharArray()).isEmpty());
            String chief = "chef" + sequence.incrementAndGet();
            directory.createUser(admin, new NewUser(chief, "chief password", List.of("ADMIN"), List.of()));
            Caller chiefCaller = new Caller(chief, Set.of(Role.ADMIN), Set.of());
            assertThrows(de.akte.core.shared.ConflictException.class, () -> directory.changeUser(chiefCaller, chief,
                    new UserChange(List.of("CLERK"), null, null, null, "Test")));
            assertThrows(NotFoundException.class, () -> directory.changeUser(admin, "ghost",
                    new UserChange(null, null, null, true, "Test")));
        }

        @Test
        void authenticatesWithSlowHashAndRejectsWrongPassword() {
            Office office = office();
            String username = "user" + sequence.incrementAndGet();
            directory.createUser(admin, new NewUser(username, "correct horse battery", List.of("CLERK"),
                    List.of(office.department())));
            Caller caller = directory.authenticate(username, "correct horse battery".toCharArray()).orElseThrow();
            assertEquals(Set.of(office.department()), caller.departments());
            assertTrue(directory.authenticate(username, "wrong password!".toCharArray()).isEmpty());
            assertTrue(directory.authenticate("nobody", "whatever12345".toCharArray()).isEmpty());
            assertThrows(de.akte.core.shared.ForbiddenException.class, () -> directory.createUser(office.clerk(),
                    new NewUser("sneaky", "0123456789ab", List.of("ADMIN"), List.of())));
            InvalidInputException weak = assertThrows(InvalidInputException.class, () -> directory.createUser(admin,
                    new NewUser("weak", "short", List.of("NOPE"), List.of())));
            assertEquals(2, weak.errors().size());
            assertNull(null);
        }
    }

    /** Shorthand for a first-page query. */
    private static final class SearchQueryDefaults {
        static SearchRequest q(String text) {
            return new SearchRequest(text, null, null, null, null, null, 0, 20);
        }
    }
}
