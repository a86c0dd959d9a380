package de.akte.ingest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every caller of the server relies on: credentials on each request, JSON both ways, readable refusals. */
class ApiClientTest {

    private HttpServer server;
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private final AtomicReference<String> received = new AtomicReference<>();
    private ApiClient api;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/echo", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            received.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            answer(exchange, 200, "{\"id\": 7, \"text\": \"Gr\\u00fc\\u00dfe\"}");
        });
        server.createContext("/api/refused", exchange -> answer(exchange, 409,
                "{\"title\": \"Conflict\", \"detail\": \"case file 32-41/2026 is closed\"}"));
        server.createContext("/api/untitled", exchange -> answer(exchange, 403, "{\"title\": \"Forbidden\"}"));
        server.createContext("/api/proxy", exchange -> answer(exchange, 502, "<html>Bad Gateway</html>"));
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        api = new ApiClient(new ServerConnection(base, "scanner", "geheim"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void sendsTheUsersCredentialsAndReadsTheJsonAnswer() throws Exception {
        HttpResponse<byte[]> response = api.send(api.request("/api/echo").GET().build());

        assertEquals("Basic c2Nhbm5lcjpnZWhlaW0=", authorization.get());
        assertEquals(7, api.json(response).path("id").asLong());
        assertEquals("Grüße", api.json(response).path("text").asText());
    }

    @Test
    void aTokenTakesThePlaceOfThePassword() throws Exception {
        api.withToken("t0k3n").send(api.withToken("t0k3n").request("/api/echo").GET().build());

        assertEquals("Bearer t0k3n", authorization.get());
        assertThrows(IllegalArgumentException.class, () -> api.withToken(" "));
    }

    @Test
    void postsAJsonObject() throws Exception {
        ObjectNode body = api.object().put("code", "32").put("name", "Ordnungsamt");

        api.sendAsync(api.postJson("/api/echo", body).build()).join();

        assertEquals("{\"code\":\"32\",\"name\":\"Ordnungsamt\"}", received.get());
    }

    @Test
    void aRefusalIsItsProblemsDetailElseItsTitleElseTheStatus() throws Exception {
        assertEquals("case file 32-41/2026 is closed", api.problem(api.send(api.request("/api/refused").GET().build())));
        assertEquals("Forbidden (HTTP 403)", api.problem(api.send(api.request("/api/untitled").GET().build())));
        assertEquals("HTTP 502", api.problem(api.send(api.request("/api/proxy").GET().build())));
    }

    @Test
    void joinsPathsToTheServerAddressWithOrWithoutItsSlash() {
        assertEquals(URI.create("http://akte.example:8080/api/health"),
                new ApiClient(new ServerConnection(URI.create("http://akte.example:8080/"), "a", "b"))
                        .uri("/api/health"));
        assertEquals(URI.create("http://akte.example:8080/api/search?q=x"),
                new ApiClient(new ServerConnection(URI.create("http://akte.example:8080"), "a", "b"))
                        .uri("/api/search?q=x"));
    }
}
