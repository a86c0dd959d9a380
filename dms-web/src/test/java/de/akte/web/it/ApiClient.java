package de.akte.web.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** A small HTTP client for the API under test, speaking as one user. */
final class ApiClient {

    static final String BASE = System.getProperty("akte.it.baseUrl", "http://127.0.0.1:8180");
    static final String ADMIN_PASSWORD = System.getProperty("akte.it.adminPassword", "admin-it-password");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String authorization;

    private final String base;

    private ApiClient(String authorization) {
        this(BASE, authorization);
    }

    private ApiClient(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /** A user of another server than the one under test (e.g. one a test starts and kills). */
    static ApiClient at(String base, String username, String password) {
        return new ApiClient(base, "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    static ApiClient as(String username, String password) {
        return new ApiClient("Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    static ApiClient admin() {
        return as("admin", ADMIN_PASSWORD);
    }

    static ApiClient anonymous() {
        return new ApiClient(null);
    }

    static ApiClient bearer(String token) {
        return new ApiClient("Bearer " + token);
    }

    /** An answer: status, headers and body. */
    record Answer(int status, HttpResponse<byte[]> raw) {
        String text() {
            return new String(raw.body(), StandardCharsets.UTF_8);
        }

        JsonObject json() {
            return (JsonObject) structure();
        }

        JsonStructure structure() {
            try (var reader = Json.createReader(new StringReader(text()))) {
                return reader.read();
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        byte[] bytes() {
            return raw.body();
        }
    }

    Answer get(String path) {
        return send(request(path).GET());
    }

    Answer postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer patchJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer putJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer delete(String path) {
        return send(request(path).DELETE());
    }

    Answer post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    Answer postRaw(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** multipart/form-data with text fields and one file (name, bytes). */
    Answer upload(String path, Map<String, String> fields, String fileName, byte[] content) {
        String boundary = "akte-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> f : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey()
                        + "\"\r\n\r\n" + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            if (fileName != null) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                        + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                body.write(content);
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return postRaw(path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    /** Polls a document until the condition holds (processing is asynchronous); fails after the timeout. */
    JsonObject awaitDocument(long id, Predicate<JsonObject> condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        JsonObject last = null;
        while (Instant.now().isBefore(deadline)) {
            last = get("/api/documents/" + id).json();
            if (condition.test(last)) {
                return last;
            }
            pause(250);
        }
        throw new AssertionError("document " + id + " did not reach the expected state: " + last);
    }

    /** Polls a search until it has the expected number of hits; fails after a minute. */
    JsonObject awaitSearch(String query, int expectedTotal) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonObject last = null;
        while (Instant.now().isBefore(deadline)) {
            last = get("/api/search?q=" + q(query)).json();
            if (last.getInt("total") == expectedTotal) {
                return last;
            }
            pause(250);
        }
        throw new AssertionError("search '" + query + "' did not reach " + expectedTotal + " hits: " + last);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Map<String, String> fields(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    private Answer send(HttpRequest.Builder builder) {
        try {
            HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response);
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
