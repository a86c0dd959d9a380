package de.akte.core.infrastructure.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import de.akte.core.infrastructure.lucene.analysis.SharedSplitter;
import de.akte.core.search.SearchHit;
import de.akte.core.search.SearchQuery;
import de.akte.core.search.SearchResult;
import de.akte.core.search.TextIndex;
import de.akte.core.search.TextIndexContractTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search contract on the local Lucene index (in memory), and what only a local index on disk does. */
class LuceneTextIndexTest extends TextIndexContractTest {

    @Override
    protected TextIndex createIndex() {
        return LuceneTextIndex.inMemory(SharedSplitter.INSTANCE);
    }

    @Nested
    class OnDisk {

        @TempDir
        Path directory;

        @Test
        void committedEntriesSurviveClosingAndReopening() {
            try (LuceneTextIndex onDisk = LuceneTextIndex.open(directory, SharedSplitter.INSTANCE)) {
                onDisk.index(document(1, "Baugenehmigungsantrag"));
                onDisk.index(document(2, "Wohngeld"));
                onDisk.commit();
            }
            try (LuceneTextIndex reopened = LuceneTextIndex.open(directory, SharedSplitter.INSTANCE)) {
                assertEquals(2, reopened.count());
                SearchResult result = reopened.search(SearchQuery.of("Baugenehmigung", Set.of("32")));
                assertEquals(List.of(1L), result.items().stream().map(SearchHit::documentId).toList());
                assertFalse(result.items().get(0).snippets().isEmpty());
            }
        }

        @Test
        void closingCommitsWhatWasNotYetCommitted() {
            try (LuceneTextIndex onDisk = LuceneTextIndex.open(directory, SharedSplitter.INSTANCE)) {
                onDisk.index(document(1, "Wohngeld"));
            }
            try (LuceneTextIndex reopened = LuceneTextIndex.open(directory, SharedSplitter.INSTANCE)) {
                assertEquals(1, reopened.count());
            }
        }
    }
}
