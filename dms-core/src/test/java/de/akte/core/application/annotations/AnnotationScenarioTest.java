package de.akte.core.application.annotations;

import de.akte.core.application.directory.Directory;
import de.akte.core.application.documents.DocumentService;
import de.akte.core.application.documents.DocumentView;
import de.akte.core.application.documents.NewDocument;
import de.akte.core.application.filing.CaseFileService;
import de.akte.core.application.filing.NewCaseFile;
import de.akte.core.application.processing.DocumentProcessor;
import de.akte.core.application.search.DocumentIndexer;
import de.akte.core.application.search.SavedSearchService;
import de.akte.core.application.search.SavedSearchView;
import de.akte.core.application.search.SearchRequest;
import de.akte.core.application.search.SearchService;
import de.akte.core.testing.PlainTextExtraction;
import de.akte.core.annotation.Area;
import de.akte.core.audit.AuditAction;
import de.akte.core.audit.AuditEntry;
import de.akte.core.audit.AuditTrail;
import de.akte.core.infrastructure.filesystem.FileSystemBlobStore;
import de.akte.core.infrastructure.lucene.LuceneTextIndex;
import de.akte.core.infrastructure.lucene.analysis.GermanCompoundSplitter;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.Clock;
import de.akte.core.shared.ConflictException;
import de.akte.core.shared.ForbiddenException;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.shared.NotFoundException;
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
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Annotations and saved searches over a real database (H2 and PostgreSQL), blob store and index. */
class AnnotationScenarioTest {

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
        private final Clock clock = () -> Instant.parse("2026-11-28T09:00:00Z");
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
        private AnnotationService annotations;
        private SavedSearchService savedSearches;
        private AuditTrail audit;
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
            AkteCore core = TestCore.over(db, clock, blobs).index(index).reading(extraction).build();
            audit = core.audit();
            directory = core.directory();
            documents = core.documents();
            caseFiles = core.caseFiles();
            processor = core.processor();
            indexer = core.indexer();
            search = core.search();
            annotations = core.annotations();
            savedSearches = core.savedSearches();
        }

        @AfterAll
        void stop() throws IOException {
            index.close();
            db.close();
            try (Stream<Path> files = Files.walk(blobDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }

        /** A department with a case file and two clerks. */
        private record Office(String department, String caseFile, Caller clerk, Caller colleague) {
        }

        private Office office() {
            int n = sequence.incrementAndGet();
            String dept = "a" + n;
            directory.createDepartment(admin, dept, "Amt " + n);
            String ref = dept + "-51/2026";
            caseFiles.open(admin, new NewCaseFile(ref, "Akte " + n, dept, null, null));
            return new Office(dept, ref, new Caller("clerk-a" + n, Set.of(Role.CLERK), Set.of(dept)),
                    new Caller("colleague-a" + n, Set.of(Role.CLERK), Set.of(dept)));
        }

        private DocumentView upload(Office office, String text) {
            DocumentView doc = documents.upload(office.clerk(), new NewDocument("Brief", office.caseFile(), null, null,
                    "brief.txt"), new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            settle();
            return doc;
        }

        private void settle() {
            while (processor.processDue(50) > 0) {
                // until the queue is empty
            }
            indexer.drainAll();
        }

        private long found(Caller caller, String q) {
            return search.search(caller, new SearchRequest(q, null, null, null, null, null, 0, 20)).total();
        }

        private byte[] original(Caller caller, long id) throws IOException {
            try (InputStream in = documents.openContent(caller, id, 1).stream()) {
                return in.readAllBytes();
            }
        }

        @Test
        void colleaguesSeeNotesAndTheirTextIsFoundBySearch() throws IOException {
            Office office = office();
            DocumentView doc = upload(office, "Seite eins\fSeite zwei");
            byte[] before = original(office.clerk(), doc.id());

            AnnotationView note = annotations.add(office.clerk(), doc.id(),
                    new NewAnnotation(2, "NOTE", new Area(0.1, 0.2, 0.3, 0.1), "Rückruf Bauherrin vereinbart"));
            AnnotationView mark = annotations.add(office.clerk(), doc.id(),
                    new NewAnnotation(1, "highlight", new Area(0, 0, 0.5, 0.5), null));
            settle();

            List<AnnotationView> seen = annotations.list(office.colleague(), doc.id());
            assertEquals(List.of(mark.id(), note.id()), seen.stream().map(AnnotationView::id).toList());
            AnnotationView seenNote = seen.get(1);
            assertEquals("Rückruf Bauherrin vereinbart", seenNote.text());
            assertEquals(1, seenNote.version());
            assertEquals(office.clerk().username(), seenNote.author());
            assertEquals(0.2, seenNote.area().y(), 1e-9);
            assertEquals(false, seenNote.own());
            assertEquals(1, found(office.colleague(), "Rückruf"));
            assertEquals(1, found(office.colleague(), "bauherrin"));
            assertArrayEquals(before, original(office.clerk(), doc.id()));
            assertEquals(1, documents.versions(office.clerk(), doc.id()).size());
        }

        @Test
        void onlyTheAuthorChangesOrDeletesAndTheIndexFollows() {
            Office office = office();
            DocumentView doc = upload(office, "Antrag");
            AnnotationView note = annotations.add(office.clerk(), doc.id(), new NewAnnotation(1, "NOTE", null,
                    "Unterlagen fehlen"));

            assertThrows(ForbiddenException.class, () -> annotations.change(office.colleague(), doc.id(), note.id(),
                    new NewAnnotation(null, null, null, "übernommen")));
            assertThrows(ForbiddenException.class, () -> annotations.remove(office.colleague(), doc.id(), note.id()));

            AnnotationView changed = annotations.change(office.clerk(), doc.id(), note.id(),
                    new NewAnnotation(null, null, null, "Unterlagen nachgereicht"));
            settle();
            assertEquals("Unterlagen nachgereicht", changed.text());
            assertEquals(1, found(office.clerk(), "nachgereicht"));
            assertEquals(0, found(office.clerk(), "fehlen"));

            annotations.remove(office.clerk(), doc.id(), note.id());
            settle();
            assertEquals(List.of(), annotations.list(office.clerk(), doc.id()));
            assertEquals(0, found(office.clerk(), "nachgereicht"));
            List<AuditAction> actions = db.call(() -> audit.historyOf("annotation", doc.id() + "/" + note.id(), 10))
                    .stream().map(AuditEntry::action).toList();
            assertTrue(actions.containsAll(List.of(AuditAction.CREATE, AuditAction.UPDATE, AuditAction.DELETE)),
                    actions::toString);
        }

        @Test
        void anotherDepartmentNeitherSeesNorAnnotatesNorFindsNotes() {
            Office mine = office();
            Office theirs = office();
            DocumentView secret = upload(theirs, "Gutachten");
            AnnotationView note = annotations.add(theirs.clerk(), secret.id(),
                    new NewAnnotation(1, "NOTE", null, "Zuckerfabrik prüfen"));
            settle();

            assertThrows(NotFoundException.class, () -> annotations.list(mine.clerk(), secret.id()));
            assertThrows(NotFoundException.class, () -> annotations.add(mine.clerk(), secret.id(),
                    new NewAnnotation(1, "NOTE", null, "x")));
            assertThrows(NotFoundException.class, () -> annotations.remove(mine.clerk(), secret.id(), note.id()));
            assertEquals(0, found(mine.clerk(), "Zuckerfabrik"));
            // an annotation id under the wrong document is not found either
            DocumentView own = upload(mine, "eigenes");
            assertThrows(NotFoundException.class, () -> annotations.remove(theirs.clerk(), own.id(), note.id()));
        }

        @Test
        void refusesIncompleteOrMisplacedAnnotations() {
            Office office = office();
            DocumentView doc = upload(office, "eine Seite");
            assertField("text", () -> annotations.add(office.clerk(), doc.id(), new NewAnnotation(1, "NOTE", null, " ")));
            assertField("area", () -> annotations.add(office.clerk(), doc.id(),
                    new NewAnnotation(1, "HIGHLIGHT", null, null)));
            assertField("page", () -> annotations.add(office.clerk(), doc.id(), new NewAnnotation(2, "NOTE", null, "x")));
            assertField("page", () -> annotations.add(office.clerk(), doc.id(), new NewAnnotation(0, "NOTE", null, "x")));
            assertField("kind", () -> annotations.add(office.clerk(), doc.id(), new NewAnnotation(1, "STAMP", null, "x")));
            assertField("text", () -> annotations.add(office.clerk(), doc.id(),
                    new NewAnnotation(1, "NOTE", null, "x".repeat(4001))));
            assertField("area", () -> new Area(0.8, 0.1, 0.5, 0.1));
            assertEquals(List.of(), annotations.list(office.clerk(), doc.id()));
        }

        @Test
        void savedSearchesAreEachUsersOwn() {
            Office office = office();
            SavedSearchView saved = savedSearches.save(office.clerk(), "Bauanträge 2026", "q=Bauantrag&from=2026-01-01");
            assertEquals(List.of(saved), savedSearches.mine(office.clerk()));
            assertEquals(List.of(), savedSearches.mine(office.colleague()));
            assertThrows(ConflictException.class, () -> savedSearches.save(office.clerk(), "Bauanträge 2026", "q=x"));
            assertField("name", () -> savedSearches.save(office.clerk(), " ", "q=x"));
            assertThrows(NotFoundException.class, () -> savedSearches.delete(office.colleague(), saved.id()));
            savedSearches.delete(office.clerk(), saved.id());
            assertEquals(List.of(), savedSearches.mine(office.clerk()));
        }

        private static void assertField(String field, Runnable action) {
            InvalidInputException e = assertThrows(InvalidInputException.class, action::run);
            assertEquals(field, e.errors().get(0).field(), e.getMessage());
        }
    }
}
