package de.akte.web.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Password guessing against a server of its own (the throttle would otherwise hold back the other tests, which all
 * come from 127.0.0.1): it trusts 127.0.0.1 as a proxy, so X-Forwarded-For plays attacker and owners at different
 * addresses. Also HTTPS behind a TLS proxy (Secure cookie, HSTS) and the bounded password hashing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginThrottleIT {

    private static final String ADMIN_PASSWORD = "throttle-admin-pw";
    private static final String PASSWORD = "throttle-user-pw1";
    private static final String ATTACKER = "198.51.100.66";
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private ServerProcess server;
    private ApiClient admin;

    @BeforeAll
    void start() {
        Path work = Path.of(System.getProperty("akte.it.workDir", "target"));
        Path home = Path.of(System.getProperty("akte.it.serverHome", "target/server"));
        String run = UUID.randomUUID().toString().substring(0, 6);
        Map<String, String> env = Map.of("AKTE_DATA_DIR", work.resolve("throttle-data-" + run).toString(),
                "AKTE_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "AKTE_TRUSTED_PROXIES", "127.0.0.1",
                "AKTE_HTTPS", "true",
                "AKTE_LOGIN_ACCOUNT_LOCK_AFTER", "5",
                "AKTE_PASSWORD_HASH_CONCURRENCY", "1",
                "AKTE_PASSWORD_HASH_WAIT_MS", "300",
                "JAVA_OPTS", "-Xmx768m -Djava.net.preferIPv4Stack=true");
        server = new ServerProcess(home, work, "throttle-server", 501, env);
        server.start();
        admin = ApiClient.at(server.baseUrl(), "admin", ADMIN_PASSWORD);
        for (String name : List.of("victim", "bystander")) {
            ApiClient.Answer a = admin.postJson("/api/users", "{\"username\":\"" + name + "\",\"password\":\""
                    + PASSWORD + "\",\"roles\":[\"CLERK\"]}");
            assertEquals(201, a.status(), a::text);
        }
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> basic(String user, String password, String from) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/users/me"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("X-Forwarded-For", from).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBurstOfBadPasswordsIsSlowedAndLockedWhileOthersSignInFast() throws Exception {
        // the owner signed in from her desk before the attack
        assertEquals(200, basic("victim", PASSWORD, "203.0.113.10").statusCode());

        List<Integer> statuses = new ArrayList<>();
        String retryAfter = null;
        for (int i = 0; i < 12; i++) {
            HttpResponse<String> r = basic("victim", "guess-" + i, ATTACKER);
            statuses.add(r.statusCode());
            // every refusal says why, in problem+json: not the container's HTML error page
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                    && r.body().contains("\"detail\""), r.statusCode() + " " + r.body());
            if (r.statusCode() == 429) {
                retryAfter = r.headers().firstValue("Retry-After").orElse(null);
                if (Long.parseLong(retryAfter) > 60) {
                    break;
                }
                Thread.sleep(Long.parseLong(retryAfter) * 1000);
            }
        }
        assertEquals(List.of(401, 401, 401, 401), statuses.subList(0, 4), "three free failures, then a delay");
        assertTrue(statuses.contains(429), "slowed: " + statuses);
        assertTrue(retryAfter != null && Long.parseLong(retryAfter) > 600, "locked for minutes: " + retryAfter);

        // refused from a new address without hashing, even with the right password
        HttpResponse<String> locked = basic("victim", PASSWORD, "192.0.2.1");
        assertEquals(429, locked.statusCode(), locked.body());
        assertTrue(locked.body().contains("\"detail\""), "the lock says why: " + locked.body());
        // but not at the owner's desk: locking her account from outside does not lock her out
        assertEquals(200, basic("victim", PASSWORD, "203.0.113.10").statusCode());

        long start = System.nanoTime();
        HttpResponse<String> other = basic("bystander", PASSWORD, "203.0.113.20");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, other.statusCode(), other.body());
        assertTrue(millis < 5000, "another account signs in at once: " + millis + " ms");

        String audit = admin.get("/api/admin/audit?targetType=user&targetId=victim&size=100").text();
        assertTrue(audit.contains("LOGIN_LOCKED") && audit.contains("LOGIN_FAILED") && audit.contains(ATTACKER),
                audit);
    }

    @Test
    void floodsOfPasswordChecksAreTurnedAwayNotQueued() {
        List<CompletableFuture<HttpResponse<String>>> flood = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String from = "10.9.0." + i;
            flood.add(http.sendAsync(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/users/me"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("nobody" + i + ":x")
                            .getBytes(StandardCharsets.UTF_8)))
                    .header("X-Forwarded-For", from).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> answers = flood.stream().map(CompletableFuture::join).toList();
        assertTrue(answers.stream().allMatch(a -> a.statusCode() == 401 || a.statusCode() == 503),
                () -> answers.stream().map(a -> a.statusCode() + " " + a.body()).toList().toString());
        assertTrue(answers.stream().anyMatch(a -> a.statusCode() == 503
                        && a.headers().firstValue("Retry-After").isPresent()),
                "with one hash at a time and 300 ms of patience, most of eight must be turned away");
    }

    @Test
    void behindATlsProxyCookiesAreSecureAndHstsIsSent() throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/auth/login"))
                .header("Content-Type", "application/json").header("X-Akte-Request", "1")
                .header("X-Forwarded-For", "203.0.113.30")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"bystander\",\"password\":\"" + PASSWORD
                        + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode(), login.body());
        String cookie = login.headers().firstValue("Set-Cookie").orElse("");
        assertTrue(cookie.startsWith("AKTE_SESSION=") && cookie.toLowerCase().contains("secure"), cookie);
        assertTrue(login.headers().firstValue("Strict-Transport-Security").orElse("").startsWith("max-age="),
                login.headers().map()::toString);
    }
}
