package de.akte.core.audit;

import de.akte.core.infrastructure.persistence.jpa.JpaAuditRepository;
import de.akte.core.shared.Clock;
import de.akte.core.testing.JpaTestContext;
import de.akte.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditTrailTest {

    @Nested
    class OnH2 extends Contract {
        OnH2() {
            super(TestDatabase.Kind.H2);
        }
    }

    @Nested
    class OnPostgres extends Contract {
        OnPostgres() {
            super(TestDatabase.Kind.POSTGRES);
        }
    }

    abstract static class Contract {
        private final TestDatabase.Kind kind;
        private JpaTestContext context;
        private AuditTrail trail;

        Contract(TestDatabase.Kind kind) {
            this.kind = kind;
        }

        @BeforeEach
        void setUp() {
            context = new JpaTestContext(kind);
            trail = new AuditTrail(new JpaAuditRepository(context.entityManager()), Clock.system());
        }

        @AfterEach
        void tearDown() {
            context.close();
        }

        private void recordThree() {
            context.run(() -> trail.record("anna", AuditAction.CREATE, "document", "1", "title=Bauantrag"));
            context.run(() -> trail.record("anna", AuditAction.READ_CONTENT, "document", "1", "version=1"));
            context.run(() -> trail.record("bernd", AuditAction.UPDATE_METADATA, "document", "1", "title: a -> b"));
        }

        @Test
        void chainsEntriesAndVerifiesIntactChain() {
            recordThree();
            ChainVerification result = context.call(trail::verify);
            assertTrue(result.intact(), () -> "expected intact chain, got " + result);
            assertEquals(3, result.entriesChecked());
            assertEquals(3, context.call(() -> trail.historyOf("document", "1", 10)).size());
        }

        @Test
        void followsEntriesItsHeadLostInARaceInsteadOfRefusingEveryLaterEntry() throws Exception {
            recordThree();
            // the head forgot the newest entry (its update lost in a race): the next entry must still be appended
            sql("update audit_chain_head set last_sequence = 2, "
                    + "last_hash = (select hash from audit_entry where sequence = 2) where id = 1");
            AuditEntry fourth = context.call(() -> trail.record("carla", AuditAction.CREATE, "document", "2", "x"));
            assertEquals(4L, fourth.sequence());
            ChainVerification result = context.call(trail::verify);
            assertTrue(result.intact(), () -> "expected intact chain, got " + result);
            assertEquals(4, result.entriesChecked());
        }

        @Test
        void namesFirstEntryWhoseContentWasChanged() throws Exception {
            recordThree();
            sql("update audit_entry set actor = 'mallory' where sequence = 2");
            ChainVerification result = context.call(trail::verify);
            assertFalse(result.intact());
            assertEquals(2L, result.firstBrokenSequence().orElseThrow());
        }

        @Test
        void detectsRemovedEntry() throws Exception {
            recordThree();
            sql("delete from audit_entry where sequence = 2");
            ChainVerification result = context.call(trail::verify);
            assertEquals(2L, result.firstBrokenSequence().orElseThrow());
            assertTrue(result.problem().orElseThrow().contains("missing"));
        }

        @Test
        void detectsCutOffNewestEntries() throws Exception {
            recordThree();
            sql("delete from audit_entry where sequence = 3");
            ChainVerification result = context.call(trail::verify);
            assertEquals(3L, result.firstBrokenSequence().orElseThrow());
            assertTrue(result.problem().orElseThrow().contains("newest"), result.problem()::get);
        }

        @Test
        void detectsRewrittenEntryWithRecomputedOwnHash() throws Exception {
            recordThree();
            // a forger who recomputes the hash of the entry they changed still breaks the next link
            AuditEntry second = context.call(() -> trail.historyOf("document", "1", 10)).get(1);
            AuditEntry forged = new AuditEntry(2, second.occurredAt(), "mallory", second.action(), second.targetType(),
                    second.targetId(), second.details(), second.previousHash());
            sql("update audit_entry set actor = 'mallory', hash = '" + forged.hash() + "' where sequence = 2");
            ChainVerification result = context.call(trail::verify);
            assertEquals(3L, result.firstBrokenSequence().orElseThrow());
        }

        @Test
        void findsWhatOneUserDidInAPeriodNewestFirstAndPagedWithTheChainIntact() {
            MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
            AuditTrail timed = new AuditTrail(new JpaAuditRepository(context.entityManager()), clock);
            for (int i = 1; i <= 5; i++) {
                String target = Integer.toString(i);
                context.run(() -> timed.record("anna", AuditAction.READ_CONTENT, "document", target, "page image"));
                context.run(() -> timed.record("bernd", AuditAction.SEARCH, "search", "Müller", "q=Müller"));
                clock.advance(Duration.ofHours(1));
            }
            // anna's reads at 09:00, 10:00 and 11:00
            AuditQuery annasMorning = new AuditQuery("anna", Instant.parse("2026-12-01T09:00:00Z"),
                    Instant.parse("2026-12-01T11:00:00.000001Z"), null, null);

            assertEquals(3, context.call(() -> timed.count(annasMorning)));
            List<AuditEntry> first = context.call(() -> timed.find(annasMorning, 0, 2));
            List<AuditEntry> second = context.call(() -> timed.find(annasMorning, 2, 2));
            assertEquals(List.of("4", "3"), first.stream().map(AuditEntry::targetId).toList());
            assertEquals(List.of("2"), second.stream().map(AuditEntry::targetId).toList());
            assertTrue(first.stream().allMatch(e -> e.actor().equals("anna")));
            assertEquals(5, context.call(() -> timed.count(new AuditQuery("bernd", null, null, "search", "Müller"))));
            assertEquals(10, context.call(() -> timed.count(new AuditQuery(null, null, null, null, null))));
            assertTrue(context.call(timed::verify).intact());
        }

        private void sql(String statement) throws Exception {
            try (Connection c = context.database().dataSource().getConnection();
                 PreparedStatement s = c.prepareStatement(statement)) {
                s.executeUpdate();
            }
        }
    }

    /** A clock the test moves forward. */
    static final class MutableClock implements Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant now() {
            return now;
        }
    }
}
