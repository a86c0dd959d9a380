package de.akte.web.it;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proves the provisioned server, not the domain: the WAR is deployed at context root {@code /}, the API
 * answers under {@code /api}, the datasource {@code AkteDS} reaches the database chosen by
 * {@code AKTE_DB_URL} (H2 by default, PostgreSQL with {@code -Dakte.it.db=postgres}), the application
 * sees the data directory as {@code akte.data.dir}, and Jakarta Security (HTTP Basic through the
 * application's own mechanism, {@code integrated-jaspi=false}) knows the administrator.
 *
 * <p>Runs in failsafe against the server the wildfly-maven-plugin started (see dms-web/pom.xml), which
 * passes {@code akte.it.baseUrl}, {@code akte.it.db}, {@code akte.it.dataDir}, {@code akte.it.adminPassword}.
 * Deliberately free of JSON libraries: plain {@link HttpClient} and patterns.
 */
class ServerSmokeIT {

    private static final String BASE = System.getProperty("akte.it.baseUrl", "http://127.0.0.1:8180");
    private static final String DB = System.getProperty("akte.it.db", "h2");
    private static final String DATA_DIR = System.getProperty("akte.it.dataDir");
    private static final String ADMIN_PASSWORD = System.getProperty("akte.it.adminPassword", "admin-it-password");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void healthIsUp() throws Exception {
        HttpResponse<String> r = get("/api/health", null);
        // the background workers report in within seconds of the deployment
        for (int i = 0; i < 30 && r.body().contains("has not started"); i++) {
            Thread.sleep(1000);
            r = get("/api/health", null);
        }

        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                "content type: " + r.headers().firstValue("Content-Type"));
        // every component is checked, not just the three that decide whether documents can be accepted and found
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(r.body()))) {
            ServingHealth.assertServing(reader.readObject());
        }
    }

    @Test
    void datasourceReachesTheConfiguredDatabase() throws Exception {
        String basic = "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> r = get("/api/health?details=true", basic);

        assertEquals(200, r.statusCode(), r.body());
        // The health check ran a query through java:jboss/datasources/AkteDS ("checks") against the
        // database AKTE_DB_URL named, the driver picked by the URL ("details": product name).
        String product = DB.equals("postgres") ? "PostgreSQL" : "H2";
        assertEquals(List.of("UP", product), values(r.body(), "database"), r.body());
        // The application sees AKTE_DATA_DIR as akte.data.dir. Details are for administrators only,
        // so this also proves the Basic login went through the application's authentication mechanism.
        if (DATA_DIR != null) {
            assertEquals(Path.of(DATA_DIR).toAbsolutePath().normalize().toString(), field(r.body(), "dataDir"), r.body());
        }
        // with an S3 server for the tests, the server under test keeps its blobs there (profile it-s3)
        String s3 = System.getenv("AKTE_TEST_S3_ENDPOINT");
        List<String> storageValues = values(r.body(), "storage"); // the check ("UP"), then the details
        String storage = storageValues.get(storageValues.size() - 1);
        if (s3 != null && !s3.isBlank()) {
            assertTrue(storage.startsWith("s3 " + s3), r.body());
        } else {
            assertTrue(storage.startsWith("filesystem"), r.body());
        }
    }

    @Test
    void unknownApiPathIsNotFoundNotAServerError() throws Exception {
        HttpResponse<String> r = get("/api/no-such-endpoint-" + System.nanoTime(), null);

        assertTrue(r.statusCode() == 404 || r.statusCode() == 401, "status " + r.statusCode() + ": " + r.body());
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(60)).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The first string value of {@code "name":"value"} in a JSON text, or null. */
    private static String field(String json, String name) {
        List<String> all = values(json, name);
        return all.isEmpty() ? null : all.get(0);
    }

    /** All string values of {@code "name":"value"} in a JSON text, in order. */
    private static List<String> values(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1).replace("\\/", "/").replace("\\\\", "\\"));
        }
        return found;
    }
}
