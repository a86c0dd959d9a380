package de.akte.core.infrastructure.opensearch;

import java.net.URI;
import java.util.Objects;

/**
 * How to reach the OpenSearch cluster that holds the search index.
 *
 * @param url      the cluster's HTTP(S) address, e.g. {@code http://127.0.0.1:9200}
 * @param user     user for HTTP basic authentication, or null for none
 * @param password that user's password, or null
 * @param index    the name of the index (every Akte installation sharing a cluster needs its own)
 */
public record OpenSearchSettings(URI url, String user, String password, String index) {

    /** The index name when none is set. */
    public static final String DEFAULT_INDEX = "akte-documents";

    public OpenSearchSettings {
        Objects.requireNonNull(url, "url");
        if (url.getScheme() == null || !(url.getScheme().equals("http") || url.getScheme().equals("https"))
                || url.getHost() == null) {
            throw new IllegalArgumentException("the OpenSearch URL must be http(s)://host[:port], not " + url);
        }
        if (index == null || !index.matches("[a-z0-9][a-z0-9_.-]{0,200}")) {
            throw new IllegalArgumentException("an OpenSearch index name is lower-case letters, digits, '-', '_' "
                    + "and '.', not starting with one of those signs: " + index);
        }
    }

    @Override
    public String toString() {
        // the password stays out of logs
        return "OpenSearchSettings[url=" + url + ", user=" + user + ", index=" + index + "]";
    }
}
