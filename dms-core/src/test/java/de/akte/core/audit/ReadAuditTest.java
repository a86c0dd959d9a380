package de.akte.core.audit;

import de.akte.core.infrastructure.persistence.jpa.JpaAuditRepository;
import de.akte.core.testing.JpaTestContext;
import de.akte.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadAuditTest {

    private final AuditTrailTest.MutableClock clock = new AuditTrailTest.MutableClock(
            Instant.parse("2026-12-01T08:00:00Z"));
    private JpaTestContext context;
    private AuditTrail trail;

    @BeforeEach
    void setUp() {
        context = new JpaTestContext(TestDatabase.Kind.H2);
        trail = new AuditTrail(new JpaAuditRepository(context.entityManager()), clock);
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void recordsOneEntryPerUserKindAndDocumentWithinTheWindow() {
        ReadAudit reads = new ReadAudit(trail, clock, Duration.ofMinutes(5));

        assertTrue(read(reads, "anna", "page images", "7", "page 1"));
        assertFalse(read(reads, "anna", "page images", "7", "page 2"), "same viewer, same document, same kind");
        assertTrue(read(reads, "anna", "text", "7", "text"), "another kind of read");
        assertTrue(read(reads, "anna", "page images", "8", "page 1"), "another document");
        assertTrue(read(reads, "bernd", "page images", "7", "page 1"), "another user");
        clock.advance(Duration.ofMinutes(5));
        assertTrue(read(reads, "anna", "page images", "7", "page 3"), "the window has passed");

        List<AuditEntry> annasSeven = context.call(() -> trail.find(new AuditQuery("anna", null, null, "document",
                "7"), 0, 10));
        assertEquals(3, annasSeven.size());
        assertTrue(annasSeven.get(2).details().contains("further page images reads within 300 s not recorded"),
                annasSeven.get(2).details());
        assertTrue(context.call(trail::verify).intact());
    }

    @Test
    void recordsEveryReadWithAZeroWindow() {
        ReadAudit reads = new ReadAudit(trail, clock, Duration.ZERO);

        for (int page = 1; page <= 3; page++) {
            assertTrue(read(reads, "anna", "page images", "7", "page " + page));
        }

        assertEquals(3, context.call(() -> trail.count(new AuditQuery("anna", null, null, null, null))));
        assertEquals("page 3", context.call(() -> trail.find(new AuditQuery("anna", null, null, null, null), 0, 1))
                .get(0).details());
    }

    private boolean read(ReadAudit reads, String user, String kind, String document, String details) {
        return context.call(() -> reads.record(user, AuditAction.READ_CONTENT, "document", document, kind, details));
    }
}
