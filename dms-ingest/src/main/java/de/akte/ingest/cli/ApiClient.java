package de.akte.ingest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The Akte REST API as one user sees it: requests with the user's credentials (HTTP Basic, or an API token), JSON
 * bodies read and written with Jackson, and a refusal's problem in one readable line. The import client and the
 * benchmarks ({@code bench/}) talk to the server through it.
 */
public final class ApiClient {

    private final ServerConnection connection;
    private final HttpClient http;
    private final ObjectMapper json;
    private final String authorization;

    /** A client for the server and user of {@code connection}, over {@link #defaultHttpClient()}. */
    public ApiClient(ServerConnection connection) {
        this(connection, defaultHttpClient());
    }

    public ApiClient(ServerConnection connection, HttpClient http) {
        this(connection, http, new ObjectMapper(), "Basic " + Base64.getEncoder().encodeToString(
                (connection.user() + ":" + connection.password()).getBytes(StandardCharsets.UTF_8)));
    }

    private ApiClient(ServerConnection connection, HttpClient http, ObjectMapper json, String authorization) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.http = Objects.requireNonNull(http, "http");
        this.json = json;
        this.authorization = authorization;
    }

    /** HTTP/1.1 (an h2c upgrade attempt buys nothing for uploads and some proxies mishandle it), redirects followed. */
    public static HttpClient defaultHttpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * The same server and user, authenticated by an API token ({@code POST /api/auth/token}) instead of the
     * password, which the server then need not verify on every request.
     */
    public ApiClient withToken(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("an API token is needed");
        }
        return new ApiClient(connection, http, json, "Bearer " + token);
    }

    public ServerConnection connection() {
        return connection;
    }

    /** The server's address for a path (with its query), e.g. {@code /api/health}. */
    public URI uri(String pathAndQuery) {
        String base = connection.server().toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + pathAndQuery);
    }

    /** A request with the user's credentials that asks for JSON. */
    public HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery))
                .header("Authorization", authorization)
                .header("Accept", "application/json");
    }

    /** Sends a request and keeps the whole answer, whatever its status. */
    public HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Sends a request without waiting; the answer is kept whole, whatever its status. */
    public CompletableFuture<HttpResponse<byte[]>> sendAsync(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A POST of a JSON body. */
    public HttpRequest.Builder postJson(String pathAndQuery, JsonNode body) {
        return request(pathAndQuery)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
    }

    /** A new JSON object, e.g. for {@link #postJson}. */
    public ObjectNode object() {
        return json.createObjectNode();
    }

    /**
     * The answer's body as JSON.
     *
     * @throws IOException when the body is not JSON (a proxy's HTML page, say)
     */
    public JsonNode json(HttpResponse<byte[]> response) throws IOException {
        return json.readTree(response.body());
    }

    /** The problem's detail, else its title, else the status line: one readable line for a report. */
    public String problem(HttpResponse<byte[]> response) {
        String text = "HTTP " + response.statusCode();
        try {
            JsonNode problem = json.readTree(response.body());
            if (problem != null && problem.hasNonNull("detail") && !problem.get("detail").asText().isBlank()) {
                return problem.get("detail").asText();
            }
            if (problem != null && problem.hasNonNull("title") && !problem.get("title").asText().isBlank()) {
                return problem.get("title").asText() + " (" + text + ")";
            }
        } catch (IOException | RuntimeException e) {
            // not JSON (a proxy's HTML page, say): the status is all we can tell
        }
        return text;
    }

    private byte[] bytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
