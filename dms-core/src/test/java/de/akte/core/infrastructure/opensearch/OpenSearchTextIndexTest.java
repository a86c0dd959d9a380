package de.akte.core.infrastructure.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.akte.core.health.ComponentHealth;
import de.akte.core.health.HealthStatus;
import de.akte.core.infrastructure.lucene.analysis.GermanTextAnalysis;
import de.akte.core.infrastructure.lucene.analysis.SharedSplitter;
import de.akte.core.search.IndexedDocument;
import de.akte.core.search.SearchIndexUnavailableException;
import de.akte.core.search.SearchQuery;
import de.akte.core.search.TextIndex;
import de.akte.core.search.TextIndexContractTest;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The search contract on a real OpenSearch node, and what only a remote index does: bulk requests, an index that
 * vanished, a node that cannot be reached.
 */
class OpenSearchTextIndexTest extends TextIndexContractTest {

    private static OpenSearchTestServer server;
    private static GermanTextAnalysis analysis;
    private static OpenSearchSettings settings;

    @BeforeAll
    static void server() {
        server = OpenSearchTestServer.fromEnvironment();
        analysis = new GermanTextAnalysis(SharedSplitter.INSTANCE);
    }

    @AfterAll
    static void removeIndex() throws Exception {
        if (settings != null) {
            server.removeIndex(settings.index());
        }
    }

    @Override
    protected TextIndex createIndex() throws Exception {
        server.assumeAvailable();
        if (settings == null) {
            settings = server.freshIndex();
        }
        server.emptyIndex(settings.index());
        return OpenSearchTextIndex.connect(settings, analysis);
    }

    @Nested
    class Remote {

        @Test
        void manyChangesGoInSeveralBulkRequestsAndAllArrive() {
            int documents = OpenSearchTextIndex.BULK_DOCUMENTS * 2 + 17;
            for (int i = 1; i <= documents; i++) {
                index.index(document(i, "Wohngeld Nummer " + i));
            }
            index.delete(3);
            index.commit();
            assertEquals(documents - 1, index.count());
            assertEquals(documents - 1, index.search(SearchQuery.of("Wohngeld", null)).total());
            assertEquals(List.of(), idsFound("3"));
        }

        @Test
        void anIndexRemovedBehindItsBackIsCreatedAgainByARebuild() throws Exception {
            add(document(1, "Wohngeld"));
            server.removeIndex(settings.index());
            index.deleteAll();
            add(document(2, "Wohngeld"));
            assertEquals(List.of(2L), idsFound("Wohngeld"));
        }

        @Test
        void aRebuildKeepsTheOldIndexSearchableUntilItsCommit() throws Exception {
            add(document(1, "Wohngeld"));
            index.deleteAll();
            index.index(document(2, "Wohngeld"));
            index.delete(1);
            assertEquals(List.of(1L), idsFound("Wohngeld"));
            assertEquals(1, index.count());
            index.commit();
            assertEquals(List.of(2L), idsFound("Wohngeld"));
            assertEquals(1, server.generations(settings.index()));
        }

        @Test
        void changesAnotherNodeMakesDuringARebuildAreKept() {
            add(document(1, "Wohngeld"));
            try (OpenSearchTextIndex otherNode = OpenSearchTextIndex.connect(settings, analysis)) {
                index.deleteAll();
                otherNode.index(document(3, "Wohngeld"));
                otherNode.commit();
                index.index(document(2, "Wohngeld"));
                index.commit();
                assertEquals(List.of(2L, 3L), idsFound("Wohngeld").stream().sorted().toList());
                assertEquals(List.of(2L, 3L), otherNode.search(SearchQuery.of("Wohngeld", null)).items().stream()
                        .map(de.akte.core.search.SearchHit::documentId).sorted().toList());
            }
        }

        @Test
        void aRebuildThatDiedLeavesTheOldIndexInServiceAndTheNextRemovesItsRest() throws Exception {
            add(document(1, "Wohngeld"));
            try (OpenSearchTextIndex dying = OpenSearchTextIndex.connect(settings, analysis)) {
                dying.deleteAll();
                dying.index(document(2, "Wohngeld"));
                dying.commit();
                dying.deleteAll();
                dying.index(document(3, "Wohngeld"));
            }
            assertEquals(List.of(2L), idsFound("Wohngeld"));
            assertEquals(2, server.generations(settings.index()));
            index.deleteAll();
            index.index(document(4, "Wohngeld"));
            index.commit();
            assertEquals(List.of(4L), idsFound("Wohngeld"));
            assertEquals(1, server.generations(settings.index()));
        }

        @Test
        void anIndexSomeoneElseMadeUnderTheNameIsNotTakenOver() throws Exception {
            OpenSearchSettings taken = server.freshIndex();
            server.createPlainIndex(taken.index());
            try (OpenSearchTextIndex other = OpenSearchTextIndex.connect(taken, analysis)) {
                IllegalStateException refused = assertThrows(IllegalStateException.class,
                        () -> other.search(SearchQuery.of("Wohngeld", null)));
                assertTrue(refused.getMessage().contains("AKTE_OPENSEARCH_INDEX"), refused.getMessage());
                assertEquals(HealthStatus.DOWN, other.health().status());
            } finally {
                server.removePlainIndex(taken.index());
            }
        }

        @Test
        void aNodeThatCannotBeReachedIsDownWithAReason() throws Exception {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }
            OpenSearchSettings nowhere = new OpenSearchSettings(URI.create("http://127.0.0.1:" + closedPort), null,
                    null, "akte-test-nowhere");
            try (OpenSearchTextIndex unreachable = OpenSearchTextIndex.connect(nowhere, analysis)) {
                ComponentHealth health = unreachable.health();
                assertEquals(HealthStatus.DOWN, health.status());
                assertTrue(health.reason().contains("cannot be reached"), health.reason());
                assertThrows(SearchIndexUnavailableException.class,
                        () -> unreachable.search(SearchQuery.of("Wohngeld", null)));
                unreachable.index(document(1, "Wohngeld"));
                assertThrows(SearchIndexUnavailableException.class, unreachable::commit);
            }
        }

        @Test
        void theTermsAreNotKeptInTheStoredDocument() {
            add(new IndexedDocument(1, "Bauantrag", "32-41/2025", "32", "Antrag", DAY, List.of("Seite eins"),
                    Map.of("sender", "Stadtwerke"), List.of("Notiz")));
            assertEquals(List.of(1L), idsFound("Stadtwerke Notiz Antrag 41/2025"));
        }
    }
}
