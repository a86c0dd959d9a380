package de.akte.core.infrastructure.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.akte.core.health.ComponentHealth;
import de.akte.core.health.HealthStatus;
import de.akte.core.infrastructure.lucene.analysis.SharedSplitter;
import de.akte.core.search.IndexWriterReopenedException;
import de.akte.core.search.IndexedDocument;
import de.akte.core.search.SearchQuery;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.Test;

/** A tragic error closes Lucene's writer for good; the index must reopen it and go on, losing nothing committed. */
class TragicIndexErrorTest {

    private static final LocalDate DAY = LocalDate.of(2025, 3, 14);

    /** A directory that fails the next file it is asked to create, as a full heap or disk would. */
    private static final class FailingDirectory extends FilterDirectory {
        private final AtomicReference<Throwable> next = new AtomicReference<>();
        private volatile boolean locked;

        FailingDirectory() {
            super(new ByteBuffersDirectory());
        }

        @Override
        public IndexOutput createOutput(String name, IOContext context) throws IOException {
            Throwable failure = next.getAndSet(null);
            if (failure instanceof Error error) {
                throw error;
            }
            if (failure instanceof IOException io) {
                throw io;
            }
            return super.createOutput(name, context);
        }

        @Override
        public org.apache.lucene.store.Lock obtainLock(String name) throws IOException {
            if (locked) {
                throw new org.apache.lucene.store.LockObtainFailedException("the lock is held by a broken writer");
            }
            return super.obtainLock(name);
        }
    }

    private static IndexedDocument document(long id, String text) {
        return new IndexedDocument(id, "Dokument " + id, null, "32", "Bescheid", DAY, List.of(text), Map.of());
    }

    private static long found(LuceneTextIndex index, String text) {
        return index.search(SearchQuery.of(text, null)).total();
    }

    @Test
    void reopensTheWriterAfterAnOutOfMemoryErrorInACommitAndTakesTheSameChangesAgain() {
        FailingDirectory directory = new FailingDirectory();
        try (LuceneTextIndex index = new LuceneTextIndex(directory, SharedSplitter.INSTANCE)) {
            index.index(document(1, "Baugenehmigung für den Carport"));
            index.commit();
            index.index(document(2, "Antrag auf Wohngeld"));
            directory.next.set(new OutOfMemoryError("injected while flushing"));

            IndexWriterReopenedException stopped = assertThrows(IndexWriterReopenedException.class, index::commit);
            assertTrue(stopped.getMessage().contains("reopened"), stopped.getMessage());

            // what was committed is still there; what was not is applied again, as the outbox does
            assertEquals(1, found(index, "Baugenehmigung"));
            assertEquals(0, found(index, "Wohngeld"));
            index.index(document(2, "Antrag auf Wohngeld"));
            index.index(document(3, "Gewerbeanmeldung"));
            index.commit();
            assertEquals(1, found(index, "Wohngeld"));
            assertEquals(3, index.count());
            ComponentHealth health = index.health();
            assertEquals(HealthStatus.UP, health.status());
            assertTrue(health.reason().contains("reopened 1 time"), health.reason());
        }
    }

    @Test
    void aWriterThatCannotBeReopenedIsReportedDownWithTheReasonUntilItCanBe() {
        FailingDirectory directory = new FailingDirectory();
        try (LuceneTextIndex index = new LuceneTextIndex(directory, SharedSplitter.INSTANCE)) {
            index.index(document(1, "Baugenehmigung"));
            index.commit();
            assertEquals(HealthStatus.UP, index.health().status());
            index.index(document(2, "Wohngeld"));
            directory.locked = true;
            directory.next.set(new OutOfMemoryError("injected while flushing"));
            assertThrows(IndexWriterReopenedException.class, index::commit);

            ComponentHealth down = index.health();
            assertEquals(HealthStatus.DOWN, down.status());
            assertTrue(down.reason().contains("lock"), down.reason());
            assertThrows(IndexWriterReopenedException.class, () -> index.index(document(3, "Gewerbe")));

            directory.locked = false;
            ComponentHealth back = index.health();
            assertEquals(HealthStatus.DEGRADED, back.status(), String.valueOf(back.reason()));
            assertEquals(HealthStatus.UP, index.health().status());
            index.index(document(2, "Wohngeld"));
            index.commit();
            assertEquals(1, found(index, "Wohngeld"));
        }
    }
}
