package de.akte.core.application.filing;

import de.akte.core.application.directory.DepartmentChange;
import de.akte.core.application.directory.DepartmentView;
import de.akte.core.application.directory.Directory;
import de.akte.core.application.documents.DocumentService;
import de.akte.core.application.documents.DocumentView;
import de.akte.core.application.documents.MetadataChange;
import de.akte.core.application.documents.NewDocument;
import de.akte.core.audit.AuditTrail;
import de.akte.core.department.Department;
import de.akte.core.infrastructure.filesystem.FileSystemBlobStore;
import de.akte.core.infrastructure.persistence.flyway.SchemaMigrator;
import de.akte.core.infrastructure.persistence.jpa.JpaDepartmentRepository;
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
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Case-file numbering per department over a real database (H2 and PostgreSQL): each department owns the
 * references beginning with its prefixes, and a reference outside them is refused the same way whether another
 * department uses it or not.
 */
class CaseFileNumberingScenarioTest {

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
        private final Clock clock = () -> Instant.parse("2026-03-02T09:00:00Z");
        private final Caller admin = new Caller("admin", Set.of(Role.ADMIN), Set.of());
        private final Caller officer = new Caller("registratur", Set.of(Role.RECORDS_OFFICER), Set.of());
        private JpaTestContext db;
        private Path blobDir;
        private AuditTrail audit;
        private Directory directory;
        private CaseFileService caseFiles;
        private DocumentService documents;
        private JpaDepartmentRepository departmentRepository;

        Scenarios(TestDatabase.Kind kind) {
            this.kind = kind;
        }

        @BeforeAll
        void start() throws IOException {
            db = new JpaTestContext(kind);
            var em = db.entityManager();
            blobDir = Files.createTempDirectory("akte-numbering");
            departmentRepository = new JpaDepartmentRepository(em);
            AkteCore core = TestCore.over(db, clock,
                    new FileSystemBlobStore(blobDir.resolve("store"), blobDir.resolve("tmp"), clock)).build();
            audit = core.audit();
            directory = core.directory();
            caseFiles = core.caseFiles();
            documents = core.documents();
        }

        @AfterAll
        void stop() throws IOException {
            db.close();
            try (Stream<Path> files = Files.walk(blobDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }

        /** A fresh department (code {@code n<i>}, default namespace) with one clerk. */
        private record Office(String department, Caller clerk) {
            String reference(String rest) {
                return department + "-" + rest;
            }
        }

        private Office office() {
            String code = "n" + sequence.incrementAndGet();
            directory.createDepartment(admin, code, "Amt " + code);
            return new Office(code, new Caller("clerk-" + code, Set.of(Role.CLERK), Set.of(code)));
        }

        private CaseFileView open(Caller caller, String reference, String department) {
            return caseFiles.open(caller, new NewCaseFile(reference, "Akte " + reference, department, null, null));
        }

        private long caseFileCount() {
            return db.call(() -> caseFiles.findByReference(admin, "", 0, 1).total());
        }

        @Test
        void aNewDepartmentNumbersUnderItsCodeAndADash() {
            Office office = office();
            DepartmentView view = directory.departments().stream()
                    .filter(d -> d.code().equals(office.department())).findFirst().orElseThrow();
            assertEquals(List.of(office.department() + "-"), view.referencePrefixes());

            CaseFileView opened = open(office.clerk(), office.reference("10/2026"), office.department());

            assertEquals(office.reference("10/2026"), opened.fileReference());
            assertEquals(office.department(), opened.department());
        }

        @Test
        void refusesAReferenceOutsideTheOwnNamespaceNamingOnlyTheOwnPrefixes() {
            Office office = office();
            long before = caseFileCount();

            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> open(office.clerk(), "99-1/2026", office.department()));

            assertEquals("fileReference", e.errors().get(0).field());
            assertEquals("case files of department " + office.department() + " have references beginning with "
                    + office.department() + "-", e.errors().get(0).message());
            assertEquals(before, caseFileCount());
        }

        @Test
        void anotherDepartmentsReferenceReadsLikeAnyForeignOneWhetherUsedOrNot() {
            Office mine = office();
            Office theirs = office();
            String used = theirs.reference("41/2012");
            open(theirs.clerk(), used, theirs.department());
            long before = caseFileCount();

            List<String> answers = new ArrayList<>();
            for (String reference : List.of(used, theirs.reference("42/2012"), "77-1/2026")) {
                InvalidInputException e = assertThrows(InvalidInputException.class,
                        () -> open(mine.clerk(), reference, mine.department()));
                answers.add(e.getMessage() + " | " + e.errors());
            }

            assertEquals(1, answers.stream().distinct().count(), () -> "answers differ: " + answers);
            assertEquals(before, caseFileCount(), "nothing squatted");
            assertEquals(0, caseFiles.findByReference(mine.clerk(), used, 0, 20).total());
        }

        @Test
        void aTakenReferenceInTheOwnNamespaceIsAConflict() {
            Office office = office();
            open(office.clerk(), office.reference("5/2026"), office.department());

            ConflictException e = assertThrows(ConflictException.class,
                    () -> open(office.clerk(), office.reference("5/2026"), office.department()));

            assertEquals("a case file " + office.reference("5/2026") + " exists already", e.getMessage());
        }

        @Test
        void recordsOfficersNumberWithinTheChosenDepartmentToo() {
            Office building = office();
            Office order = office();
            String orders = order.reference("41/2012");
            open(order.clerk(), orders, order.department());

            assertThrows(InvalidInputException.class, () -> open(officer, orders, building.department()),
                    "a reference of another department stays outside, for records officers as well");
            assertThrows(ConflictException.class, () -> open(officer, orders, order.department()),
                    "records officers see every department: a conflict may tell them the reference is taken");
            assertEquals(building.department(),
                    open(officer, building.reference("1/2026"), building.department()).department());
        }

        @Test
        void administratorsGiveADepartmentSeveralPrefixes() {
            String code = "m" + sequence.incrementAndGet();
            DepartmentView created = directory.createDepartment(admin, code, "Bauaufsicht",
                    List.of(code + ".", code + "-", "BA" + code + " "));
            assertEquals(List.of("BA" + code, code + "-", code + "."), created.referencePrefixes());
            Caller clerk = new Caller("clerk-" + code, Set.of(Role.CLERK), Set.of(code));

            open(clerk, code + ".10/2026", code);
            open(clerk, code + "-10/2026", code);
            open(clerk, "ba" + code + "/7", code);

            InvalidInputException e = assertThrows(InvalidInputException.class, () -> open(clerk, "x-1", code));
            assertEquals("case files of department " + code + " have references beginning with BA" + code + ", "
                    + code + "- or " + code + ".", e.errors().get(0).message());
        }

        @Test
        void refusesPrefixesThatOverlapAnotherDepartmentsNamingTheConflict() {
            Office building = office();
            String prefix = building.department() + "-";
            String code = "o" + sequence.incrementAndGet();

            for (String clash : List.of(prefix, prefix.toUpperCase(java.util.Locale.ROOT), prefix + "1",
                    building.department())) {
                ConflictException e = assertThrows(ConflictException.class,
                        () -> directory.createDepartment(admin, code, "Neu", List.of(code + "-", clash)));
                assertTrue(e.getMessage().contains("department " + building.department()), e.getMessage());
                assertTrue(e.getMessage().contains(prefix), e.getMessage());
            }
            assertTrue(directory.departments().stream().noneMatch(d -> d.code().equals(code)), "nothing created");

            Office other = office();
            ConflictException e = assertThrows(ConflictException.class, () -> directory.changeDepartment(admin,
                    other.department(), new DepartmentChange(null, List.of(other.department() + "-", prefix + "7"))));
            assertEquals("the reference prefix " + prefix + "7 overlaps " + prefix + " of department "
                    + building.department() + ": no reference may belong to two departments", e.getMessage());
            assertEquals(List.of(other.department() + "-"), view(other.department()).referencePrefixes());
        }

        @Test
        void refusesAPrefixWhoseReferencesAnotherDepartmentHasGivenAlready() {
            Office old = office();
            String reference = old.reference("3/2019");
            open(old.clerk(), reference, old.department());
            // the department renumbers; its case file keeps the reference it was given
            directory.changeDepartment(admin, old.department(), new DepartmentChange(null, List.of("neu" + old.department() + "-")));
            Office successor = office();

            ConflictException e = assertThrows(ConflictException.class, () -> directory.changeDepartment(admin,
                    successor.department(), new DepartmentChange(null,
                            List.of(successor.department() + "-", old.department() + "-"))));

            assertEquals("case files of department " + old.department() + " have references beginning with "
                    + old.department() + "- already", e.getMessage());
            assertEquals(List.of(successor.department() + "-"), view(successor.department()).referencePrefixes());
        }

        @Test
        void administratorsChangeNameAndPrefixesAndTheChangeIsAudited() {
            Office office = office();
            String code = office.department();
            open(office.clerk(), office.reference("1/2026"), code);

            DepartmentView changed = directory.changeDepartment(admin, code,
                    new DepartmentChange("Bauordnung", List.of(code + "-", code + "/")));

            assertEquals("Bauordnung", changed.name());
            assertEquals(List.of(code + "-", code + "/"), changed.referencePrefixes());
            assertEquals(changed, view(code));
            open(office.clerk(), code + "/2/2026", code);
            assertEquals("name: Amt " + code + " -> Bauordnung; referencePrefixes: [" + code + "-] -> [" + code
                    + "-, " + code + "/]", db.call(() -> audit.historyOf("department", code, 5)).get(0).details());
            assertEquals(changed, directory.changeDepartment(admin, code, new DepartmentChange(null, null)),
                    "null fields stay as they are");
            assertTrue(db.call(audit::verify).intact());
        }

        @Test
        void onlyAdministratorsChangeDepartmentsAndBadPrefixesAreInvalidInput() {
            Office office = office();
            DepartmentChange change = new DepartmentChange(null, List.of("x-"));
            assertThrows(ForbiddenException.class, () -> directory.changeDepartment(office.clerk(), office.department(),
                    change));
            assertThrows(ForbiddenException.class, () -> directory.changeDepartment(officer, office.department(), change));
            assertThrows(NotFoundException.class, () -> directory.changeDepartment(admin, "nirgends", change));
            for (List<String> bad : List.of(List.<String>of(), List.of(" "), List.of("-1"), List.of("63%"),
                    List.of("7".repeat(51)))) {
                InvalidInputException e = assertThrows(InvalidInputException.class,
                        () -> directory.changeDepartment(admin, office.department(), new DepartmentChange(null, bad)));
                assertEquals("referencePrefixes", e.errors().get(0).field());
                InvalidInputException c = assertThrows(InvalidInputException.class,
                        () -> directory.createDepartment(admin, "q" + sequence.incrementAndGet(), "Amt", bad));
                assertEquals("referencePrefixes", c.errors().get(0).field());
            }
            assertEquals(List.of(office.department() + "-"), view(office.department()).referencePrefixes());
        }

        @Test
        void theLongerClaimWinsWhereNamespacesFromBeforeNumberingOverlap() {
            // as schema version 11 leaves departments "l<n>" and "l<n>-b": prefixes "l<n>-" and "l<n>-b-"
            String outer = "l" + sequence.incrementAndGet();
            String inner = outer + "-b";
            db.run(() -> {
                departmentRepository.add(new Department(outer, "Altes Amt", clock.now()));
                departmentRepository.add(new Department(inner, "Abteilung B", clock.now()));
            });
            Caller outerClerk = new Caller("clerk-" + outer, Set.of(Role.CLERK), Set.of(outer));
            Caller innerClerk = new Caller("clerk-" + inner, Set.of(Role.CLERK), Set.of(inner));

            assertThrows(InvalidInputException.class, () -> open(outerClerk, inner + "-1/2026", outer));
            open(outerClerk, outer + "-1/2026", outer);
            open(innerClerk, inner + "-1/2026", inner);
            assertThrows(InvalidInputException.class, () -> open(innerClerk, outer + "-2/2026", inner));
        }

        @Test
        void uploadsAndMovesByAHiddenReferenceReadLikeAMissingOne() {
            Office mine = office();
            Office theirs = office();
            String hidden = theirs.reference("8/2026");
            open(theirs.clerk(), hidden, theirs.department());
            open(mine.clerk(), mine.reference("8/2026"), mine.department());
            DocumentView letter = documents.upload(mine.clerk(), new NewDocument("Brief", mine.reference("8/2026"),
                    null, null, "brief.txt"), new ByteArrayInputStream("Brief".getBytes(StandardCharsets.UTF_8)));
            String missing = theirs.reference("9/2026");

            List<String> uploads = new ArrayList<>();
            List<String> moves = new ArrayList<>();
            for (String reference : List.of(hidden, missing)) {
                uploads.add(refusal(() -> documents.upload(mine.clerk(), new NewDocument("x", reference, null, null,
                        "x.txt"), new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8)))).replace(reference, "REF"));
                moves.add(refusal(() -> documents.changeMetadata(mine.clerk(), letter.id(),
                        new MetadataChange(null, null, reference, null))).replace(reference, "REF"));
                assertEquals(0, caseFiles.findByReference(mine.clerk(), reference, 0, 20).total());
            }

            assertEquals(uploads.get(0), uploads.get(1));
            assertEquals(moves.get(0), moves.get(1));
            assertEquals(mine.reference("8/2026"), documents.get(mine.clerk(), letter.id()).caseFile());
        }

        private static String refusal(Runnable attempt) {
            InvalidInputException e = assertThrows(InvalidInputException.class, attempt::run);
            return e.getMessage() + " | " + e.errors();
        }

        private DepartmentView view(String code) {
            return directory.departments().stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow();
        }

        @Test
        void theMigrationGivesExistingDepartmentsTheirCodeAndADash() throws SQLException {
            try (TestDatabase fresh = TestDatabase.create(kind)) {
                Flyway.configure(getClass().getClassLoader()).dataSource(fresh.dataSource())
                        .locations("classpath:db/migration").target("7").load().migrate();
                try (Connection c = fresh.dataSource().getConnection(); Statement s = c.createStatement()) {
                    s.executeUpdate("insert into department (code, name, created_at) values"
                            + " ('63', 'Bauaufsicht', current_timestamp), ('32', 'Ordnungsamt', current_timestamp)");
                }
                new SchemaMigrator(fresh.dataSource(), getClass().getClassLoader()).migrate();
                List<String> rows = new ArrayList<>();
                try (Connection c = fresh.dataSource().getConnection(); Statement s = c.createStatement();
                     ResultSet r = s.executeQuery("select d.code, p.prefix from department_reference_prefix p"
                             + " join department d on d.id = p.department_id order by d.code")) {
                    while (r.next()) {
                        rows.add(r.getString(1) + "=" + r.getString(2));
                    }
                }
                assertEquals(List.of("32=32-", "63=63-"), rows);
            }
        }
    }
}
