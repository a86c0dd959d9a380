package de.akte.core.audit;

import de.akte.core.infrastructure.persistence.jpa.JpaAuditRepository;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.ForbiddenException;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.testing.JpaTestContext;
import de.akte.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditReviewTest {

    private static final Caller ADMIN = new Caller("admin", Set.of(Role.ADMIN), Set.of());
    private static final Caller OFFICER = new Caller("registratur", Set.of(Role.RECORDS_OFFICER), Set.of());

    private final AuditTrailTest.MutableClock clock = new AuditTrailTest.MutableClock(
            Instant.parse("2026-12-01T08:00:00Z"));
    private JpaTestContext context;
    private AuditTrail trail;
    private AuditReview review;

    @BeforeEach
    void setUp() {
        context = new JpaTestContext(TestDatabase.Kind.H2);
        trail = new AuditTrail(new JpaAuditRepository(context.entityManager()), clock);
        review = new AuditReview(trail, context);
        record("anna", AuditAction.CREATE, "7", "uploaded");
        record("system:hot-folder", AuditAction.CREATE, "8", "hot folder");
        record("anna", AuditAction.UPDATE_METADATA, "7", "title");
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    private void record(String actor, AuditAction action, String document, String details) {
        context.run(() -> trail.record(actor, action, "document", document, details));
        clock.advance(Duration.ofMinutes(1));
    }

    @Test
    void administratorsVerifyTheChainReadATargetsHistoryAndOneUsersEntriesPageByPage() {
        assertTrue(review.verify(ADMIN).intact());
        assertEquals(2, review.historyOf(ADMIN, "document", "7", 10).size());

        AuditReview.Found firstPage = review.find(ADMIN, new AuditQuery("anna", null, null, null, null), 0, 1);
        assertEquals(2, firstPage.total());
        assertEquals("title", firstPage.entries().get(0).details(), "newest first");
        assertEquals("system:hot-folder", review.find(ADMIN, new AuditQuery("system:hot-folder", null, null, null,
                null), 0, 10).entries().get(0).actor());
    }

    @Test
    void nobodyButAnAdministratorReadsTheTrail() {
        assertThrows(ForbiddenException.class, () -> review.verify(OFFICER));
        assertThrows(ForbiddenException.class, () -> review.historyOf(OFFICER, "document", "7", 10));
        assertThrows(ForbiddenException.class, () -> review.find(OFFICER, new AuditQuery("anna", null, null, null,
                null), 0, 10));
        assertThrows(ForbiddenException.class, () -> review.historyOf(OFFICER, null, null, 10),
                "refused before the request is judged");
    }

    @Test
    void aSearchIsReadOnlyForAnAdministratorSoAStrangerLearnsNothingFromAMalformedOne() {
        boolean[] read = {false};
        java.util.function.Supplier<AuditSearch> malformed = () -> {
            read[0] = true;
            throw new InvalidInputException("from", "from must be a date like 2026-11-27, not 'gestern'");
        };

        assertThrows(ForbiddenException.class, () -> review.search(OFFICER, malformed));
        assertTrue(!read[0], "a stranger's request is not read at all");
        InvalidInputException judged = assertThrows(InvalidInputException.class, () -> review.search(ADMIN, malformed));
        assertEquals("from", judged.errors().get(0).field());
    }

    @Test
    void aSearchOfATargetOnlyIsItsHistoryAndAnyOtherOnePageOfMatches() {
        var history = review.search(ADMIN, () -> new AuditSearch(new AuditQuery(null, null, null, "document", "7"),
                3, 10));
        assertEquals(2, history.total());
        assertEquals(0, history.page(), "a history has one page");
        var page = review.search(ADMIN, () -> new AuditSearch(new AuditQuery("anna", null, null, null, null), 1, 1));
        assertEquals(2, page.total());
        assertEquals(1, page.items().size());
        assertEquals("uploaded", page.items().get(0).details(), "the second page holds the older entry");
        assertThrows(InvalidInputException.class, () -> review.search(ADMIN,
                () -> new AuditSearch(new AuditQuery(null, null, null, null, null), 0, 10)));
    }

    @Test
    void aHistoryNeedsItsTarget() {
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> review.historyOf(ADMIN, "document", null, 10));
        assertTrue(missing.getMessage().contains("targetType and targetId"), missing.getMessage());
    }
}
