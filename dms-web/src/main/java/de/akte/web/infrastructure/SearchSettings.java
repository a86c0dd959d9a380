package de.akte.web.infrastructure;

import de.akte.core.infrastructure.opensearch.OpenSearchSettings;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the search index lives: the local Lucene index in the data directory ({@code AKTE_SEARCH=lucene}, the
 * default) or an OpenSearch cluster every server node shares ({@code AKTE_SEARCH=opensearch} with
 * {@code AKTE_OPENSEARCH_URL}, optionally {@code AKTE_OPENSEARCH_USER}/{@code AKTE_OPENSEARCH_PASSWORD} and
 * {@code AKTE_OPENSEARCH_INDEX}).
 *
 * @param openSearch the cluster, when the backend is OpenSearch
 */
public record SearchSettings(Optional<OpenSearchSettings> openSearch) {

    /** The settings as system properties and environment give them; a wrong or missing value stops the start. */
    public static SearchSettings from(Properties system, Map<String, String> env) {
        AkteSettings.Lookup l = new AkteSettings.Lookup(system, env);
        String backend = l.get("akte.search").orElse("lucene").toLowerCase(Locale.ROOT);
        if (backend.equals("lucene")) {
            return new SearchSettings(Optional.empty());
        }
        if (!backend.equals("opensearch")) {
            throw new IllegalArgumentException("AKTE_SEARCH must be 'lucene' or 'opensearch', not '" + backend + "'");
        }
        String url = l.get("akte.opensearch.url").orElseThrow(() -> new IllegalArgumentException(
                "AKTE_SEARCH=opensearch needs AKTE_OPENSEARCH_URL (e.g. http://127.0.0.1:9200)"));
        Optional<String> user = l.get("akte.opensearch.user");
        Optional<String> password = l.get("akte.opensearch.password");
        if (user.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException("AKTE_OPENSEARCH_USER and AKTE_OPENSEARCH_PASSWORD go together");
        }
        URI address;
        try {
            address = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("AKTE_OPENSEARCH_URL is no URL: " + url, e);
        }
        return new SearchSettings(Optional.of(new OpenSearchSettings(address, user.orElse(null),
                password.orElse(null), l.get("akte.opensearch.index").orElse(OpenSearchSettings.DEFAULT_INDEX))));
    }
}
