package de.akte.core.application.demo;

import de.akte.core.application.directory.DepartmentView;
import de.akte.core.application.directory.Directory;
import de.akte.core.casefile.FileReference;
import de.akte.core.infrastructure.persistence.jpa.JpaCaseFileRepository;
import de.akte.core.security.Role;
import de.akte.core.shared.Clock;
import de.akte.core.AkteCore;
import de.akte.core.testing.JpaTestContext;
import de.akte.core.testing.TestCore;
import de.akte.core.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoDataTest {

    @Test
    void seedsAMunicipalityOnceWithUsersOfEveryRole() {
        try (JpaTestContext db = new JpaTestContext(TestDatabase.Kind.H2)) {
            var em = db.entityManager();
            var caseFiles = new JpaCaseFileRepository(em);
            // seeding stores no files: no blob store
            AkteCore core = TestCore.over(db, Clock.system(), null).build();
            DemoData demo = core.demoData();
            Directory directory = core.directory();
            var audit = core.audit();

            assertTrue(demo.seed("demo-password".toCharArray()));
            assertFalse(demo.seed("other-password".toCharArray()), "a second start must not seed again");

            assertEquals(List.of("20", "32", "50", "63"), directory.departments().stream().map(DepartmentView::code).toList());
            var clerk = directory.authenticate("sachbearbeitung.bau", "demo-password".toCharArray()).orElseThrow();
            assertEquals(Set.of("63"), clerk.departments());
            Set<Role> roles = new java.util.HashSet<>();
            for (String name : List.of("sachbearbeitung.bau", "scanstelle", "registratur")) {
                roles.addAll(directory.authenticate(name, "demo-password".toCharArray()).orElseThrow().roles());
            }
            assertEquals(Set.of(Role.CLERK, Role.SCANNER, Role.RECORDS_OFFICER), roles);
            assertTrue(db.call(() -> caseFiles.findByReference(new FileReference("63-10/2025"))).isPresent());
            assertTrue(directory.departments().stream().allMatch(d -> d.referencePrefixes().equals(List.of(d.code() + "-"))));
            db.run(() -> caseFiles.findByReferencePrefix("", null, 0, 100).forEach(c -> assertTrue(
                    c.department().referenceNamespace().contains(c.fileReference().value()),
                    () -> c.fileReference() + " lies outside the numbering of department " + c.department().code())));
            var disposalDate = db.call(() -> {
                var closedLongAgo = caseFiles.findByReference(new FileReference("32-41/2012")).orElseThrow();
                var schedule = closedLongAgo.filePlanNode().orElseThrow().retentionSource().orElseThrow()
                        .ownRetention().orElseThrow();
                return schedule.disposalDate(closedLongAgo.closedOn().orElseThrow());
            });
            assertEquals(java.time.LocalDate.of(2019, 5, 31), disposalDate, "due for the records officers of the demo");
            assertTrue(db.call(audit::verify).intact());
        }
    }
}
