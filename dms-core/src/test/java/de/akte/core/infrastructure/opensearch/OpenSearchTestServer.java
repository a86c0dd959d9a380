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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real OpenSearch node the OpenSearch tests run against, at {@code AKTE_TEST_OPENSEARCH_URL} (optionally
 * {@code AKTE_TEST_OPENSEARCH_USER} and {@code AKTE_TEST_OPENSEARCH_PASSWORD}). Without it the tests are skipped
 * locally and fail on CI ({@code CI=true}). A test class gets an index of its own, emptied before each test
 * (creating an index per test would cost the suite a second per test) and removed afterwards.
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

    /** Removes every generation of a test index, past the index under test. */
    void removeIndex(String index) throws Exception {
        send("DELETE", "/" + index + "-g*", null);
    }

    /** Creates a plain index, as someone other than Akte would. */
    void createPlainIndex(String index) throws Exception {
        check(send("PUT", "/" + index, null));
    }

    /** Removes a plain index. */
    void removePlainIndex(String index) throws Exception {
        send("DELETE", "/" + index, null);
    }

    /** How many generations of the index exist. */
    int generations(String index) throws Exception {
        String body = send("GET", "/_cat/indices/" + index + "-g*?h=index", null).body().strip();
        return body.isEmpty() ? 0 : body.split("\\s+").length;
    }

    /**
     * Removes every entry of a test index, past the index under test, and merges the deletions away so that they
     * do not weigh in scores; an index that does not exist is left so.
     */
    void emptyIndex(String index) throws Exception {
        HttpResponse<String> entries = send("GET", "/" + index + "/_search?size=10000&_source=false", null);
        if (entries.statusCode() == 404) {
            return;
        }
        StringBuilder deletes = new StringBuilder();
        Matcher id = ID.matcher(entries.body());
        while (id.find()) {
            deletes.append("{\"delete\":{\"_id\":\"").append(id.group(1)).append("\"}}\n");
        }
        if (!deletes.isEmpty()) {
            check(send("POST", "/" + index + "-write/_bulk", deletes.toString()));
        }
        check(send("POST", "/" + index + "/_refresh", null));
        check(send("POST", "/" + index + "/_forcemerge?only_expunge_deletes=true", null));
    }

    private static final Pattern ID = Pattern.compile("\"_id\"\\s*:\\s*\"([^\"]+)\"");

    private static void check(HttpResponse<String> response) {
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("OpenSearch answered " + response.statusCode() + ": " + response.body());
        }
    }

    private HttpResponse<String> send(String method, String path, String ndjson) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, ndjson == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(ndjson));
        if (ndjson != null) {
            request.header("Content-Type", "application/x-ndjson");
        }
        if (user != null) {
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                    (user + ":" + (password == null ? "" : password)).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
