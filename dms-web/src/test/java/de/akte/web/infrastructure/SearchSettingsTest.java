package de.akte.web.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.akte.core.infrastructure.opensearch.OpenSearchSettings;
import java.net.URI;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SearchSettingsTest {

    private static SearchSettings from(Map<String, String> env) {
        return SearchSettings.from(new Properties(), env);
    }

    @Test
    void theLocalIndexIsTheDefault() {
        assertTrue(from(Map.of()).openSearch().isEmpty());
        assertTrue(from(Map.of("AKTE_SEARCH", "Lucene")).openSearch().isEmpty());
    }

    @Test
    void openSearchTakesItsAddressCredentialsAndIndex() {
        OpenSearchSettings settings = from(Map.of("AKTE_SEARCH", "opensearch",
                "AKTE_OPENSEARCH_URL", "https://search.example:9200", "AKTE_OPENSEARCH_USER", "akte",
                "AKTE_OPENSEARCH_PASSWORD", "geheim", "AKTE_OPENSEARCH_INDEX", "stadt-akte")).openSearch().orElseThrow();
        assertEquals(new OpenSearchSettings(URI.create("https://search.example:9200"), "akte", "geheim", "stadt-akte"),
                settings);
        assertTrue(!settings.toString().contains("geheim"), "the password is not logged");
    }

    @Test
    void theIndexHasADefaultName() {
        assertEquals(OpenSearchSettings.DEFAULT_INDEX, from(Map.of("AKTE_SEARCH", "opensearch",
                "AKTE_OPENSEARCH_URL", "http://127.0.0.1:9200")).openSearch().orElseThrow().index());
    }

    @Test
    void wrongOrMissingValuesStopTheStartWithAReason() {
        assertThrows(IllegalArgumentException.class, () -> from(Map.of("AKTE_SEARCH", "solr")));
        assertThrows(IllegalArgumentException.class, () -> from(Map.of("AKTE_SEARCH", "opensearch")));
        assertThrows(IllegalArgumentException.class, () -> from(Map.of("AKTE_SEARCH", "opensearch",
                "AKTE_OPENSEARCH_URL", "ftp://host")));
        assertThrows(IllegalArgumentException.class, () -> from(Map.of("AKTE_SEARCH", "opensearch",
                "AKTE_OPENSEARCH_URL", "http://host:9200", "AKTE_OPENSEARCH_USER", "akte")));
        assertThrows(IllegalArgumentException.class, () -> from(Map.of("AKTE_SEARCH", "opensearch",
                "AKTE_OPENSEARCH_URL", "http://host:9200", "AKTE_OPENSEARCH_INDEX", "Akte/../x")));
        assertThrows(IllegalArgumentException.class, () -> from(Map.of("AKTE_SEARCH", "opensearch",
                "AKTE_OPENSEARCH_URL", "http://host:9200 x")));
    }
}
