package de.akte.core.application.imports;

import de.akte.core.application.directory.Directory;
import de.akte.core.application.directory.NewUser;
import de.akte.core.application.documents.DocumentService;
import de.akte.core.application.documents.DocumentView;
import de.akte.core.application.filing.CaseFileService;
import de.akte.core.application.filing.NewCaseFile;
import de.akte.core.application.processing.DocumentProcessor;
import de.akte.core.infrastructure.filesystem.FileSystemBlobStore;
import de.akte.core.infrastructure.persistence.jpa.JpaDepartmentRepository;
import de.akte.core.infrastructure.persistence.jpa.JpaDocumentRepository;
import de.akte.core.imports.ImportKind;
import de.akte.core.imports.ImportOwner;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.Clock;
import de.akte.core.shared.ForbiddenException;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.shared.NotFoundException;
import de.akte.core.AkteCore;
import de.akte.core.testing.JpaTestContext;
import de.akte.core.testing.TestCore;
import de.akte.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Import batches belong to their owner (a person, the hot folder or the server importer), over a real database
 * (H2 and PostgreSQL): keys are unique per owner, another's batch answers as a missing one, references in batches
 * and manifest rows resolve only within the importer's reach, and kept protocols name only what their readers may
 * open.
 */
class ImportOwnershipScenarioTest {

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
        private static final long NEVER_USED = 9_000_000L;
        private final TestDatabase.Kind kind;
        private final AtomicInteger sequence = new AtomicInteger();
        private final Clock clock = () -> Instant.parse("2026-11-27T09:00:00Z");
        private final Caller admin = new Caller("admin", Set.of(Role.ADMIN), Set.of());
        private JpaTestContext db;
        private Path blobDir;
        private Directory directory;
        private CaseFileService caseFiles;
        private DocumentService documents;
        private JpaDocumentRepository documentRepository;
        private JpaDepartmentRepository departments;
        private ImportService imports;
        private DocumentProcessor processor;

        Scenarios(TestDatabase.Kind kind) {
            this.kind = kind;
        }

        @BeforeAll
        void start() throws IOException {
            db = new JpaTestContext(kind);
            var em = db.entityManager();
            blobDir = Files.createTempDirectory("akte-import-blobs");
            departments = new JpaDepartmentRepository(em);
            documentRepository = new JpaDocumentRepository(em);
            var blobs = new FileSystemBlobStore(blobDir.resolve("store"), blobDir.resolve("tmp"), clock);
            // content is readable once processed (malware scanning is off here; MalwareScanScenarioTest scans)
            AkteCore core = TestCore.over(db, clock, blobs).build();
            directory = core.directory();
            documents = core.documents();
            processor = core.processor();
            caseFiles = core.caseFiles();
            imports = core.imports();
        }

        @AfterAll
        void stop() throws IOException {
            db.close();
            try (Stream<Path> files = Files.walk(blobDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }

        /** A fresh department with a case file, a scanner and a clerk, so tests don't see each other's data. */
        private record Office(String department, String caseFile, Caller scanner, Caller clerk) {
        }

        private Office office() {
            int n = sequence.incrementAndGet();
            String dept = "imp" + n;
            directory.createDepartment(admin, dept, "Abteilung " + n);
            String ref = dept + "-10/2026";
            caseFiles.open(admin, new NewCaseFile(ref, "Akte " + n, dept, null, null));
            return new Office(dept, ref, new Caller("scan" + n, Set.of(Role.SCANNER), Set.of(dept)),
                    new Caller("clerk" + n, Set.of(Role.CLERK), Set.of(dept)));
        }

        private static NewImport client(String key) {
            return new NewImport(key, "cli:pc:/scans", null, null, null, null, null, null, null);
        }

        private static NewImport client(String key, String caseFile, String department) {
            return new NewImport(key, "cli:pc:/scans", null, null, caseFile, department, null, null, null);
        }

        private long open(Caller caller, String key) {
            return imports.open(caller, client(key)).batch().id();
        }

        private ImportService.Handed hand(Caller caller, long batch, String path, String caseFile, String department,
                                          String text) {
            return imports.importItem(caller, batch, new ImportItemUpload(path, null, caseFile, department, null, null,
                    null), stream(text));
        }

        private static InputStream stream(String text) {
            return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        }

        private String content(Caller reader, long documentId) {
            while (processor.processDue(50) > 0) {
                // until the queue is empty
            }
            try (InputStream in = documents.openContent(reader, documentId, 1).stream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The refusal's message, with the one value that differs between the two attempts blanked out. */
        private static String refusal(Class<? extends RuntimeException> type, Executable attempt, String varying) {
            return assertThrows(type, attempt).getMessage().replace(varying, "<x>");
        }

        @Test
        void keysAreUniquePerOwnerSoAnotherPersonsKeyOpensOnesOwnBatch() {
            Office a = office();
            Office b = office();
            String key = "scans-" + a.department();
            ImportService.Opened theirs = imports.open(b.scanner(), client(key));
            hand(b.scanner(), theirs.batch().id(), "geheim.txt", null, null, "Brief an B");

            ImportService.Opened mine = imports.open(a.scanner(), client(key));

            assertFalse(mine.resumed(), "another's key is no hint: a fresh batch of one's own");
            assertNotEquals(theirs.batch().id(), mine.batch().id());
            assertEquals(0, mine.batch().received());
            assertEquals(a.scanner().username(), mine.batch().owner());
            ImportService.Opened again = imports.open(a.scanner(), client(key));
            assertTrue(again.resumed());
            assertEquals(mine.batch().id(), again.batch().id());
            assertEquals(1, imports.progress(b.scanner(), theirs.batch().id()).received());
        }

        @Test
        void anotherPersonsBatchAnswersExactlyLikeAMissingOne() {
            Office a = office();
            Office b = office();
            long hidden = open(b.scanner(), "b-" + b.department());
            hand(b.scanner(), hidden, "b.txt", null, null, "Brief von B");
            Caller intruder = a.scanner();
            List<java.util.function.LongFunction<Executable>> attempts = List.of(
                    id -> () -> imports.progress(intruder, id),
                    id -> () -> imports.items(intruder, id, null, 0, 100),
                    id -> () -> imports.items(intruder, id, "IMPORTED", 0, 100),
                    id -> () -> imports.failures(intruder, id),
                    id -> () -> imports.protocol(intruder, id),
                    id -> () -> imports.complete(intruder, id),
                    id -> () -> imports.recordRefused(intruder, id, "x.txt", "unreadable"),
                    id -> () -> hand(intruder, id, "b.txt", a.caseFile(), null, "Untergeschoben"));
            for (var attempt : attempts) {
                assertEquals(refusal(NotFoundException.class, attempt.apply(NEVER_USED), Long.toString(NEVER_USED)),
                        refusal(NotFoundException.class, attempt.apply(hidden), Long.toString(hidden)));
            }
            assertEquals(1, imports.progress(b.scanner(), hidden).received(), "nothing was appended or completed");
            assertEquals("IMPORTING", imports.progress(b.scanner(), hidden).state());
            assertTrue(imports.newest(intruder, 200).stream().noneMatch(p -> p.id() == hidden));
        }

        @Test
        void aScannerCannotTakeOverTheHotFoldersBatchForTomorrow() {
            Office scanning = office();
            Office mailroom = office();
            String tomorrow = "hotfolder-2026-11-28";
            // the scanner opens tomorrow's key first, naming its own case file as the batch's
            long squatted = imports.open(scanning.scanner(), client(tomorrow, scanning.caseFile(), null)).batch().id();

            Caller hotFolder = ImportOwner.HOT_FOLDER.caller(Set.of(mailroom.department()));
            ImportService.Opened system = imports.open(hotFolder, new NewImport(tomorrow, "hotfolder:/srv/eingang",
                    ImportKind.HOT_FOLDER, null, null, null, null, null, null));
            long documentId = imports.importItem(hotFolder, system.batch().id(), new ImportItemUpload(
                    mailroom.department() + "/brief.txt #abc", null, null, mailroom.department(), null, null, null),
                    stream("Post für die Poststelle")).item().documentId();

            assertFalse(system.resumed());
            assertNotEquals(squatted, system.batch().id());
            assertEquals(ImportOwner.HOT_FOLDER.name(), system.batch().owner());
            DocumentView filed = documents.get(mailroom.clerk(), documentId);
            assertEquals(mailroom.department(), filed.department());
            assertNull(filed.caseFile(), "the squatter's case file is not the hot folder's");
            assertEquals(0, imports.progress(scanning.scanner(), squatted).received());
            long hot = system.batch().id();
            for (Executable attempt : List.<Executable>of(() -> imports.progress(scanning.scanner(), hot),
                    () -> imports.items(scanning.scanner(), hot, null, 0, 10),
                    () -> imports.protocol(scanning.scanner(), hot),
                    () -> imports.failures(scanning.scanner(), hot),
                    () -> imports.complete(scanning.scanner(), hot),
                    () -> hand(scanning.scanner(), hot, "x.txt", null, null, "Untergeschoben"))) {
                assertEquals("no import <x>", refusal(NotFoundException.class, attempt, Long.toString(hot)));
            }
            // administrators read the system's batch, but neither append to it nor complete it
            assertEquals(1, imports.progress(admin, hot).received());
            assertEquals(documentId, imports.protocol(admin, hot).items().get(0).documentId());
            assertTrue(imports.newest(admin, 200).stream().anyMatch(p -> p.id() == hot));
            assertThrows(NotFoundException.class, () -> imports.complete(admin, hot));
            assertThrows(NotFoundException.class, () -> hand(admin, hot, "y.txt", null, mailroom.department(), "Y"));
            assertEquals("IMPORTING", imports.progress(admin, hot).state());
            // and an administrator's own batch under the key is the administrator's, not the system's
            assertNotEquals(hot, imports.open(admin, client(tomorrow)).batch().id());
        }

        @Test
        void theHotFolderFilesOnlyIntoTheDepartmentItsConfigurationAllows() {
            Office allowed = office();
            Office other = office();
            Caller hotFolder = ImportOwner.HOT_FOLDER.caller(Set.of(allowed.department()));
            long batch = imports.open(hotFolder, new NewImport("hotfolder-2026-11-29", "hotfolder:/srv/eingang",
                    ImportKind.HOT_FOLDER, null, null, null, null, null, null)).batch().id();

            String hidden = refusal(InvalidInputException.class, () -> imports.importItem(hotFolder, batch,
                    new ImportItemUpload(other.department() + "/a.txt", null, null, other.department(), null, null,
                            null), stream("A")), other.department());
            String missing = refusal(InvalidInputException.class, () -> imports.importItem(hotFolder, batch,
                    new ImportItemUpload("gibtsnicht/b.txt", null, null, "gibtsnicht", null, null, null),
                    stream("B")), "gibtsnicht");

            assertEquals(missing, hidden);
            assertEquals(2, imports.failures(admin, batch).size());
        }

        @Test
        void aHiddenCaseFileOrDepartmentInAManifestRowFailsLikeAMissingOne() {
            Office a = office();
            Office b = office();
            long batch = open(a.scanner(), "manifest-" + a.department());

            assertEquals(refusal(InvalidInputException.class,
                            () -> hand(a.scanner(), batch, "fehlt.txt", "99-99/1999", null, "F"), "99-99/1999"),
                    refusal(InvalidInputException.class,
                            () -> hand(a.scanner(), batch, "fremd.txt", b.caseFile(), null, "G"), b.caseFile()));
            assertEquals(refusal(InvalidInputException.class,
                            () -> hand(a.scanner(), batch, "x.txt", null, "nirgends", "H"), "nirgends"),
                    refusal(InvalidInputException.class,
                            () -> hand(a.scanner(), batch, "y.txt", null, b.department(), "I"), b.department()));

            List<ImportItemView> failures = imports.failures(a.scanner(), batch);
            assertEquals(4, failures.size());
            assertEquals(failures.get(0).reason().replace("99-99/1999", "<x>"),
                    failures.get(1).reason().replace(b.caseFile(), "<x>"));
            assertEquals(failures.get(2).reason().replace("nirgends", "<x>"),
                    failures.get(3).reason().replace(b.department(), "<x>"));
            long ownOfB = hand(b.scanner(), open(b.scanner(), "b-" + b.department()), "own.txt", b.caseFile(), null,
                    "B").item().documentId();
            assertEquals(b.caseFile(), documents.get(b.clerk(), ownOfB).caseFile(), "B's case file exists all along");
        }

        @Test
        void aHiddenCaseFileOrDepartmentAtOpeningFailsLikeAMissingOne() {
            Office a = office();
            Office b = office();
            assertEquals(refusal(InvalidInputException.class,
                            () -> imports.open(a.scanner(), client("k1", "99-98/1999", null)), "99-98/1999"),
                    refusal(InvalidInputException.class,
                            () -> imports.open(a.scanner(), client("k2", b.caseFile(), null)), b.caseFile()));
            assertEquals(refusal(InvalidInputException.class,
                            () -> imports.open(a.scanner(), client("k3", null, "nirgends")), "nirgends"),
                    refusal(InvalidInputException.class,
                            () -> imports.open(a.scanner(), client("k4", null, b.department())), b.department()));
            assertTrue(imports.newest(a.scanner(), 10).isEmpty(), "no batch was opened");
        }

        @Test
        void aBatchSpanningDepartmentsKeepsOneProtocolPerDepartment() {
            Office a = office();
            Office b = office();
            Caller both = new Caller("scanab" + a.department(), Set.of(Role.SCANNER),
                    Set.of(a.department(), b.department()));
            long batch = open(both, "both-" + a.department());
            long inA = hand(both, batch, "akte-a/eins.txt", a.caseFile(), null, "Brief für A").item().documentId();
            long inB = hand(both, batch, "akte-b/zwei.txt", null, b.department(), "Brief für B").item().documentId();
            assertThrows(InvalidInputException.class, () -> hand(both, batch, "leer.txt", null, a.department(), ""));

            ImportProgress done = imports.complete(both, batch);

            assertEquals(2, done.protocolDocumentIds().size(), done.toString());
            long protocolA = done.protocolDocumentIds().stream()
                    .filter(id -> documents.get(both, id).department().equals(a.department())).findFirst().orElseThrow();
            long protocolB = done.protocolDocumentIds().stream().filter(id -> id != protocolA).findFirst().orElseThrow();
            String textA = content(a.clerk(), protocolA);
            assertTrue(textA.contains("akte-a/eins.txt;") && textA.contains(";" + inA + ";"), textA);
            assertFalse(textA.contains("akte-b/zwei.txt") || textA.contains(";" + inB + ";"), textA);
            assertFalse(textA.contains("leer.txt"), "a file that became no document belongs to no one department");
            assertTrue(content(b.clerk(), protocolB).contains("akte-b/zwei.txt;"));
            assertThrows(NotFoundException.class, () -> documents.get(a.clerk(), protocolB));
            assertEquals("Importprotokoll", documents.get(b.clerk(), protocolB).documentType());
            // the owner's own protocol (API) lists the whole batch
            assertEquals(3, imports.protocol(both, batch).items().size());
        }

        @Test
        void aSingleDepartmentProtocolListsTheRefusedFilesToo() {
            Office a = office();
            long batch = imports.open(a.scanner(), client("one-" + a.department(), null, a.department())).batch().id();
            hand(a.scanner(), batch, "gut.txt", null, null, "Ein guter Brief");
            assertThrows(InvalidInputException.class, () -> hand(a.scanner(), batch, "leer.txt", null, null, ""));

            ImportProgress done = imports.complete(a.scanner(), batch);

            assertEquals(1, done.protocolDocumentIds().size());
            String text = content(a.clerk(), done.protocolDocumentId());
            assertTrue(text.contains("gut.txt;") && text.contains("leer.txt;"), text);
            assertTrue(text.contains("# department: " + a.department()), text);
        }

        @Test
        void aDocumentMovedOutOfTheImportersReachIsListedWithoutItsId() {
            Office a = office();
            Office b = office();
            long batch = open(a.scanner(), "moved-" + a.department());
            long moved = hand(a.scanner(), batch, "weg.txt", null, a.department(), "Geht an B").item().documentId();
            long kept = hand(a.scanner(), batch, "da.txt", null, a.department(), "Bleibt bei A").item().documentId();
            db.run(() -> documentRepository.find(moved).orElseThrow()
                    .moveTo(departments.findByCode(b.department()).orElseThrow()));

            List<ImportItemView> items = imports.items(a.scanner(), batch, null, 0, 10).items();
            assertNull(items.get(0).documentId(), items.toString());
            assertEquals(kept, items.get(1).documentId());
            assertNull(imports.protocol(a.scanner(), batch).items().get(0).documentId());
            assertEquals(moved, imports.protocol(admin, batch).items().get(0).documentId());

            ImportProgress done = imports.complete(a.scanner(), batch);
            String text = content(a.clerk(), done.protocolDocumentId());
            assertTrue(text.contains("da.txt;") && !text.contains("weg.txt"), text);
        }

        @Test
        void aServerImportIsTheSystemsBatchWithinItsOneDepartment() {
            Office a = office();
            Office b = office();
            Caller secondAdmin = new Caller("admin2", Set.of(Role.ADMIN), Set.of());
            String key = "server:/srv/kiste-" + a.department();
            NewImport request = new NewImport(key, key, ImportKind.SERVER, "/srv/kiste", null, a.department(), null,
                    "Scanstelle Keller", null);
            ImportService.Opened opened = imports.openOnServer(admin, request);
            long batch = opened.batch().id();
            assertEquals(ImportOwner.SERVER_IMPORT.name(), opened.batch().owner());
            assertEquals("admin", opened.batch().createdBy());
            assertEquals(batch, imports.openOnServer(secondAdmin, request).batch().id(), "the system's, not admin's");
            assertThrows(ForbiddenException.class, () -> imports.openOnServer(a.scanner(), request));
            assertNotEquals(batch, open(a.scanner(), key));
            assertThrows(NotFoundException.class, () -> imports.progress(a.scanner(), batch));

            Caller job = imports.serverImporter(batch);
            assertEquals(Set.of(a.department()), job.departments());
            hand(job, batch, "eins.txt", null, null, "Aus dem Keller");
            assertEquals(refusal(InvalidInputException.class, () -> hand(job, batch, "x.txt", null, "nirgends", "X"),
                            "nirgends"),
                    refusal(InvalidInputException.class, () -> hand(job, batch, "y.txt", null, b.department(), "Y"),
                            b.department()));
            assertThrows(NotFoundException.class, () -> imports.complete(admin, batch));
            assertThrows(NotFoundException.class, () -> imports.serverImporter(open(a.scanner(), "mine")));

            ImportProgress done = imports.complete(job, batch);
            assertEquals(a.department(), documents.get(a.clerk(), done.protocolDocumentId()).department());
        }

        @Test
        void aServerImportNamesWhereItFiles() {
            Office a = office();
            assertThrows(InvalidInputException.class, () -> imports.openOnServer(admin,
                    new NewImport("server:/srv/leer", "server:/srv/leer", ImportKind.SERVER, "/srv/leer", null, null,
                            null, null, null)));
            long batch = imports.openOnServer(admin, new NewImport("server:/srv/akte", "server:/srv/akte",
                    ImportKind.SERVER, "/srv/akte", a.caseFile(), null, null, null, null)).batch().id();
            assertEquals(Set.of(a.department()), imports.serverImporter(batch).departments());
        }

        @Test
        void scannersListOnlyTheirOwnBatchesAndAdministratorsAll() {
            Office a = office();
            Office b = office();
            long mine = open(a.scanner(), "list-" + a.department());
            long theirs = open(b.scanner(), "list-" + a.department());
            assertEquals(List.of(mine), imports.newest(a.scanner(), 200).stream().map(ImportProgress::id).toList());
            List<Long> all = imports.newest(admin, 200).stream().map(ImportProgress::id).toList();
            assertTrue(all.contains(mine) && all.contains(theirs), all.toString());
        }

        @Test
        void importsNeedTheScannerOrAdministratorRoleWhateverTheBatch() {
            Office a = office();
            long batch = open(a.scanner(), "roles-" + a.department());
            Caller officer = new Caller("registratur", Set.of(Role.RECORDS_OFFICER), Set.of());
            assertThrows(ForbiddenException.class, () -> imports.newest(officer, 10));
            assertThrows(ForbiddenException.class, () -> imports.progress(officer, batch));
            assertThrows(ForbiddenException.class, () -> imports.progress(officer, NEVER_USED));
            assertThrows(ForbiddenException.class, () -> imports.protocol(a.clerk(), batch));
        }

        @Test
        void noPersonCanBeNamedLikeASystemImporter() {
            for (ImportOwner system : List.of(ImportOwner.HOT_FOLDER, ImportOwner.SERVER_IMPORT)) {
                assertTrue(system.system());
                assertThrows(InvalidInputException.class, () -> directory.createUser(admin,
                        new NewUser(system.name(), "ein-langes-passwort", List.of("SCANNER"), List.of())));
            }
            assertFalse(ImportOwner.of(admin).system());
            assertThrows(IllegalStateException.class, () -> ImportOwner.of(admin).caller(Set.of()));
        }
    }
}
