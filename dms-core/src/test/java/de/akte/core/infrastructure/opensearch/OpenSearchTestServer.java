package de.akte.core.infrastructure.opensearch;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The real OpenSearch node the OpenSearch tests run against, at {@code AKTE_TEST_OPENSEARCH_URL} (optionally
 * {@code AKTE_TEST_OPENSEARCH_USER} and {@code AKTE_TEST_OPENSEARCH_PASSWORD}). Without it the tests are skipped
 * locally and fail on CI ({@code CI=true}). Every test gets an index of its own, removed afterwards.
 */
final class OpenSearchTestServer {

    static final String HOW_TO_START = "No OpenSearch node configured: set AKTE_TEST_OPENSEARCH_URL. To start a "
            + "local single node and set it: export AKTE_TEST_OPENSEARCH_URL=\"$(../shared/tools/opensearch/"
            + "opensearch-up.sh)\" from the repository root (opensearch-down.sh stops it).";

    private final URI url;
    private final String user;
    private final String password;

    private OpenSearchTestServer(URI url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The configured node; without one this fails on CI and elsewhere says so on stderr. */
    static OpenSearchTestServer fromEnvironment() {
        Map<String, String> env = System.getenv();
        String url = env.get("AKTE_TEST_OPENSEARCH_URL");
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(env.get("CI"))) {
                fail(HOW_TO_START);
            }
            System.err.println("OpenSearch tests skipped. " + HOW_TO_START);
            return new OpenSearchTestServer(null, null, null);
        }
        return new OpenSearchTestServer(URI.create(url.strip()), env.get("AKTE_TEST_OPENSEARCH_USER"),
                env.get("AKTE_TEST_OPENSEARCH_PASSWORD"));
    }

    /** Skips the calling test, with instructions, when no node is configured. */
    void assumeAvailable() {
        assumeTrue(url != null, HOW_TO_START);
    }

    /** Settings for an index that does not exist yet, so every test starts empty. */
    OpenSearchSettings freshIndex() {
        return new OpenSearchSettings(url, user, password, "akte-test-" + UUID.randomUUID());
    }

    /** Removes a test index, past the index under test. */
    void removeIndex(String index) throws Exception {
        send("DELETE", "/" + index);
    }

    /** Sends a request to the node directly; returns the status code. */
    int send(String method, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (user != null) {
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                    (user + ":" + (password == null ? "" : password)).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
