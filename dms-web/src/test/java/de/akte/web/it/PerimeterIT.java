package de.akte.web.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The perimeter on the shared test server: request bodies limited per path before anyone is authenticated, tokens
 * listed and revoked, sessions and tokens ended by a password change, separation of duties, four-eyes lifting of
 * legal holds, and the audit entries all of this leaves.
 */
class PerimeterIT {

    private static final String PASSWORD = "perimeter-password-1";
    private static final ApiClient ADMIN = ApiClient.admin();
    private static final URI BASE = URI.create(ApiClient.BASE);
    private static String run;
    private static String department;

    @BeforeAll
    static void organisation() {
        run = UUID.randomUUID().toString().substring(0, 6);
        department = "pm" + run;
        assertEquals(201, ADMIN.postJson("/api/departments", "{\"code\":\"" + department
                + "\",\"name\":\"Perimeter\",\"referencePrefixes\":[\"PM-" + run + "/\"]}").status());
    }

    private static String user(String prefix, String role) {
        String name = prefix + "." + run;
        ApiClient.Answer a = ADMIN.postJson("/api/users", "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD
                + "\",\"roles\":[\"" + role + "\"],\"departments\":[\"" + department + "\"]}");
        assertEquals(201, a.status(), a::text);
        return name;
    }

    /** Sends raw HTTP and returns what arrived within the timeout (status line first). */
    private static String raw(String request, Duration timeout) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(BASE.getHost(), BASE.getPort()), 5000);
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            int n = in.read(buffer);
            return n < 0 ? "" : new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void anOversizedBodyIsRefusedBeforeAuthenticationWithoutBeingRead() throws IOException {
        long twoGiB = 2L * 1024 * 1024 * 1024;
        long aboveUploads = 24L * 1024 * 1024; // the test server accepts files of 20 MiB
        for (var declared : java.util.Map.of("/api/auth/login", twoGiB, "/api/departments", twoGiB,
                "/api/transfers/1/appraisal", twoGiB, "/api/documents", aboveUploads).entrySet()) {
            long start = System.nanoTime();
            String answer = raw("POST " + declared.getKey() + " HTTP/1.1\r\nHost: " + BASE.getAuthority()
                    + "\r\nContent-Type: application/json\r\nX-Akte-Request: 1\r\nContent-Length: "
                    + declared.getValue() + "\r\n\r\n{}", Duration.ofSeconds(10));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(answer.startsWith("HTTP/1.1 413"), declared.getKey() + ": " + answer);
            assertTrue(answer.contains("larger than the limit"), answer);
            assertTrue(answer.toLowerCase().contains("connection: close"), answer);
            assertTrue(millis < 5000, declared.getKey() + " took " + millis + " ms: the body was waited for");
        }
        // a sign-in is tiny: a 10 KB one is refused although it is far below every other limit
        String login = raw("POST /api/auth/login HTTP/1.1\r\nHost: " + BASE.getAuthority()
                + "\r\nContent-Type: application/json\r\nX-Akte-Request: 1\r\nContent-Length: 10240\r\n\r\n{",
                Duration.ofSeconds(10));
        assertTrue(login.startsWith("HTTP/1.1 413"), login);
        // above AKTE_MAX_POST_SIZE the server itself refuses before the application runs (400, connection closed)
        long start = System.nanoTime();
        String huge = raw("POST /api/documents HTTP/1.1\r\nHost: " + BASE.getAuthority()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + 5L * 1024 * 1024 * 1024
                + "\r\n\r\n{}", Duration.ofSeconds(10));
        assertTrue(huge.startsWith("HTTP/1.1 4"), huge);
        assertTrue((System.nanoTime() - start) / 1_000_000 < 5000);
    }

    @Test
    void anUnauthenticatedBodyIsNeitherReadNorWaitedFor() throws IOException {
        // within the upload limit, but nobody signed in: refused at once, the connection closed instead of drained
        long start = System.nanoTime();
        String answer = raw("POST /api/departments HTTP/1.1\r\nHost: " + BASE.getAuthority()
                + "\r\nContent-Type: application/json\r\nContent-Length: 900000\r\n\r\n{", Duration.ofSeconds(10));
        assertTrue(answer.startsWith("HTTP/1.1 401"), answer);
        assertTrue(answer.toLowerCase().contains("connection: close"), answer);
        assertTrue((System.nanoTime() - start) / 1_000_000 < 5000);
    }

    @Test
    void aChunkedJsonBodyIsCutAtItsLimit() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        byte[] big = ("{\"code\":\"x" + "y".repeat(2 * 1024 * 1024) + "\",\"name\":\"zu groß\"}")
                .getBytes(StandardCharsets.UTF_8);
        // from an input stream the client sends chunks, without a length up front
        HttpRequest request = HttpRequest.newBuilder(URI.create(ApiClient.BASE + "/api/departments"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        ("admin:" + ApiClient.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.body().contains("larger than the limit"), response.body());
    }

    @Test
    void aRevokedTokenAnswers401AndTokensCannotOutliveTheirAbsoluteLimit() {
        String clerk = user("token", "CLERK");
        ApiClient basic = ApiClient.as(clerk, PASSWORD);
        ApiClient.Answer issued = basic.post("/api/auth/token?label=scanner-pc");
        assertEquals(200, issued.status(), issued::text);
        JsonObject first = issued.json();
        ApiClient token = ApiClient.bearer(first.getString("token"));
        assertEquals(200, token.get("/api/users/me").status());

        // renewing with the token itself inherits its absolute limit: no endless self-renewal
        JsonObject renewed = token.post("/api/auth/token").json();
        assertEquals(first.getString("absoluteExpiresAt"), renewed.getString("absoluteExpiresAt"));
        assertTrue(java.time.Instant.parse(renewed.getString("expiresAt"))
                .compareTo(java.time.Instant.parse(renewed.getString("absoluteExpiresAt"))) <= 0);

        JsonArray listed = basic.get("/api/tokens").structure().asJsonArray();
        assertEquals(2, listed.size(), listed::toString);
        assertTrue(listed.toString().contains("scanner-pc"));
        assertFalse(listed.toString().contains(first.getString("token")), "a token is never shown again");

        long id = first.getJsonNumber("id").longValue();
        ApiClient other = ApiClient.as(user("other", "CLERK"), PASSWORD);
        assertEquals(404, other.delete("/api/tokens/" + id).status(), "someone else's token is not found");
        assertEquals(403, other.get("/api/admin/tokens").status());
        assertEquals(403, other.get("/api/admin/tokens?size=viele&page=-1").status(), "refused before it is judged");
        assertEquals(400, ADMIN.get("/api/admin/tokens?size=viele").status());
        assertEquals(204, basic.delete("/api/tokens/" + id).status());
        ApiClient.Answer refused = token.get("/api/users/me");
        assertEquals(401, refused.status(), refused::text);

        long second = renewed.getJsonNumber("id").longValue();
        assertTrue(ADMIN.get("/api/admin/tokens?user=" + clerk).text().contains("\"id\":" + second));
        assertEquals(204, ADMIN.delete("/api/admin/tokens/" + second + "?reason=Rechner+verloren").status());
        assertEquals(401, ApiClient.bearer(renewed.getString("token")).get("/api/users/me").status());

        List<String> trail = actions("token", Long.toString(id));
        assertTrue(trail.contains("TOKEN_ISSUED") && trail.contains("TOKEN_REVOKED"), trail::toString);
    }

    @Test
    void aPasswordChangeEndsTheUsersTokensAndSessionsAtOnce() throws Exception {
        String clerk = user("change", "CLERK");
        String token = ApiClient.as(clerk, PASSWORD).post("/api/auth/token").json().getString("token");
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(ApiClient.BASE + "/api/auth/login"))
                .header("Content-Type", "application/json").header("X-Akte-Request", "1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + clerk + "\",\"password\":\"" + PASSWORD
                        + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode(), login.body());
        HttpRequest me = HttpRequest.newBuilder(URI.create(ApiClient.BASE + "/api/users/me"))
                .header("X-Akte-Request", "1").build();
        assertEquals(200, browser.send(me, HttpResponse.BodyHandlers.ofString()).statusCode());

        ApiClient.Answer changed = ADMIN.putJson("/api/users/" + clerk,
                "{\"password\":\"new-password-22\",\"reason\":\"Passwort vergessen, Ticket 4711\"}");
        assertEquals(200, changed.status(), changed::text);

        assertEquals(401, ApiClient.bearer(token).get("/api/users/me").status(), "the token died with the change");
        assertEquals(401, browser.send(me, HttpResponse.BodyHandlers.ofString()).statusCode(),
                "the browser session died with the change");
        assertEquals(401, ApiClient.as(clerk, PASSWORD).get("/api/users/me").status());
        assertEquals(200, ApiClient.as(clerk, "new-password-22").get("/api/users/me").status());

        List<JsonObject> trail = entries("user", clerk);
        assertTrue(trail.stream().anyMatch(e -> e.getString("action").equals("UPDATE_METADATA")
                && e.getString("actor").equals("admin") && e.getString("details").contains("Ticket 4711")
                && e.getString("details").contains("sessions and tokens ended")), trail::toString);
        assertTrue(trail.stream().anyMatch(e -> e.getString("action").equals("LOGIN")), trail::toString);

        // the contract's callers that send no reason keep working; the trail then says none was given
        ApiClient.Answer withoutReason = ADMIN.putJson("/api/users/" + clerk, "{\"password\":\"new-password-33\"}");
        assertEquals(200, withoutReason.status(), withoutReason.text());
        assertTrue(entries("user", clerk).stream().anyMatch(e -> e.getString("details").contains("reason: none given")),
                () -> entries("user", clerk).toString());
    }

    @Test
    void aFailedSignInIsAuditedWithTheAddress() {
        String clerk = user("failing", "CLERK");
        assertEquals(401, ApiClient.as(clerk, "not-the-password").get("/api/users/me").status());
        List<JsonObject> trail = entries("user", clerk);
        assertTrue(trail.stream().anyMatch(e -> e.getString("action").equals("LOGIN_FAILED")
                && e.getString("details").contains("address=127.0.0.1")), trail::toString);
    }

    @Test
    void oneAccountCannotBeAdministratorAndRecordsOfficer() {
        ApiClient.Answer both = ADMIN.postJson("/api/users", "{\"username\":\"both." + run + "\",\"password\":\""
                + PASSWORD + "\",\"roles\":[\"ADMIN\",\"RECORDS_OFFICER\"]}");
        assertEquals(409, both.status(), both::text);
        assertTrue(both.text().contains("separation of duties"), both::text);
        String officer = user("sod", "RECORDS_OFFICER");
        ApiClient.Answer promoted = ADMIN.putJson("/api/users/" + officer,
                "{\"roles\":[\"RECORDS_OFFICER\",\"ADMIN\"],\"reason\":\"Vertretung\"}");
        assertEquals(409, promoted.status(), promoted::text);
        assertEquals(List.of("RECORDS_OFFICER"), ADMIN.get("/api/users").structure().asJsonArray().stream()
                .map(v -> v.asJsonObject()).filter(u -> u.getString("username").equals(officer)).findFirst()
                .orElseThrow().getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList());
    }

    @Test
    void liftingALegalHoldNeedsASecondRecordsOfficer() {
        ApiClient first = ApiClient.as(user("hold1", "RECORDS_OFFICER"), PASSWORD);
        ApiClient second = ApiClient.as(user("hold2", "RECORDS_OFFICER"), PASSWORD);
        ApiClient clerk = ApiClient.as(user("holdclerk", "CLERK"), PASSWORD);
        ApiClient.Answer doc = clerk.upload("/api/documents", ApiClient.fields("title", "Streitsache",
                "department", department), "streit.txt", "Klage".getBytes(StandardCharsets.UTF_8));
        assertEquals(201, doc.status(), doc::text);
        ApiClient.Answer placed = first.postJson("/api/legal-holds", "{\"targetType\":\"DOCUMENT\",\"targetId\":"
                + doc.json().getJsonNumber("id") + ",\"reason\":\"Klage anhängig\"}");
        assertEquals(201, placed.status(), placed::text);
        String hold = "/api/legal-holds/" + placed.json().getJsonNumber("id");

        assertEquals(400, first.postJson(hold + "/lift-request", "{}").status(), "a request needs a reason");
        ApiClient.Answer asked = first.postJson(hold + "/lift-request", "{\"reason\":\"Klage zurückgenommen\"}");
        assertEquals(202, asked.status(), asked::text);
        assertEquals("LIFT_REQUESTED", asked.json().getString("state"));
        assertTrue(asked.json().getBoolean("active"), "still in force");
        ApiClient.Answer self = first.post(hold + "/lift-approval");
        assertEquals(403, self.status(), self::text);
        assertTrue(self.text().contains("four-eyes"), self::text);
        assertEquals(403, ADMIN.post(hold + "/lift-approval").status());
        ApiClient.Answer lifted = second.post(hold + "/lift-approval");
        assertEquals(200, lifted.status(), lifted::text);
        assertEquals("LIFTED", lifted.json().getString("state"));
        assertEquals("Klage zurückgenommen", lifted.json().getString("liftReason"));

        List<JsonObject> trail = entries("document", doc.json().getJsonNumber("id").toString());
        assertTrue(trail.stream().anyMatch(e -> e.getString("details").contains("agreed by hold2." + run)),
                trail::toString);
    }

    @Test
    void recordContentIsNotStoredByBrowsers() {
        ApiClient.Answer me = ADMIN.get("/api/users/me");
        assertEquals("no-store", me.header("Cache-Control"));
        assertEquals(null, me.header("Strict-Transport-Security"), "plain HTTP here: no HSTS");
        assertNotEquals("no-store", ApiClient.anonymous().get("/index.html").header("Cache-Control"));
    }

    private static List<JsonObject> entries(String targetType, String targetId) {
        ApiClient.Answer a = ADMIN.get("/api/admin/audit?targetType=" + targetType + "&targetId="
                + ApiClient.q(targetId) + "&size=100");
        assertEquals(200, a.status(), a::text);
        return a.structure().asJsonArray().stream().map(v -> v.asJsonObject()).toList();
    }

    private static List<String> actions(String targetType, String targetId) {
        return entries(targetType, targetId).stream().map(e -> e.getString("action")).toList();
    }
}
