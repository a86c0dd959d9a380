package de.akte.web.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The browser session of the web UI over plain HTTP: login, cookie, CSRF guard, logout, headers of the UI. */
class WebSessionIT {

    private static final ApiClient ADMIN = ApiClient.admin();
    private static final String PASSWORD = "web-session-it-password";
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final String USER = "clerk.session." + RUN;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @BeforeAll
    static void user() {
        assertEquals(201, ADMIN.postJson("/api/departments", "{\"code\":\"se" + RUN + "\",\"name\":\"Amt\"}").status());
        assertEquals(201, ADMIN.postJson("/api/users", "{\"username\":\"" + USER + "\",\"password\":\"" + PASSWORD
                + "\",\"roles\":[\"CLERK\"],\"departments\":[\"se" + RUN + "\"]}").status());
    }

    private HttpResponse<String> send(String method, String path, String json, boolean uiHeader)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(ApiClient.BASE + path));
        if (uiHeader) {
            b.header("X-Akte-Request", "1");
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return browser.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> login(String password) throws IOException, InterruptedException {
        return send("POST", "/api/auth/login", "{\"username\":\"" + USER + "\",\"password\":\"" + password + "\"}",
                true);
    }

    @Test
    void sessionCookieSignsInTheBrowserAndOnlyTheUiMayChangeThings() throws Exception {
        HttpResponse<String> wrong = login("falsch");
        assertEquals(401, wrong.statusCode());
        assertNull(wrong.headers().firstValue("WWW-Authenticate").orElse(null));
        assertEquals(401, send("GET", "/api/users/me", null, true).statusCode());

        HttpResponse<String> ok = login(PASSWORD);
        assertEquals(200, ok.statusCode(), ok.body());
        String cookie = ok.headers().firstValue("Set-Cookie").orElseThrow();
        String attributes = cookie.toLowerCase(java.util.Locale.ROOT);
        assertTrue(attributes.contains("; httponly") && attributes.contains("; samesite=strict")
                && attributes.contains("; path=/;"), cookie);
        assertTrue(send("GET", "/api/users/me", null, false).body().contains(USER));

        // a cross-site form cannot set the header: unsafe calls by cookie alone are refused
        String saved = "{\"name\":\"Meine Suche\",\"query\":\"q=Kanal\"}";
        assertEquals(403, send("POST", "/api/saved-searches", saved, false).statusCode());
        HttpResponse<String> created = send("POST", "/api/saved-searches", saved, true);
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(send("GET", "/api/saved-searches", null, false).body().contains("Meine Suche"));
        // another user does not see it
        assertEquals("[]", ApiClient.admin().get("/api/saved-searches").text());

        assertEquals(403, send("POST", "/api/auth/login", "{\"username\":\"" + USER + "\",\"password\":\"" + PASSWORD
                + "\"}", false).statusCode());
        assertEquals(204, send("POST", "/api/auth/logout", null, true).statusCode());
        assertEquals(401, send("GET", "/api/users/me", null, true).statusCode());
    }

    @Test
    void uiFilesNeedNoLoginAndCarrySecurityHeaders() throws Exception {
        for (String path : new String[] {"/", "/app/main.js", "/app/style.css"}) {
            HttpResponse<String> r = send("GET", path, null, false);
            assertEquals(200, r.statusCode(), path);
            String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertTrue(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"), csp);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElseThrow());
        }
        assertTrue(send("GET", "/", null, false).body().contains("app/main.js"));
        // programs still get the Basic challenge, the UI does not
        assertNotNull(send("GET", "/api/search?q=x", null, false).headers().firstValue("WWW-Authenticate")
                .orElse(null));
        assertNull(send("GET", "/api/search?q=x", null, true).headers().firstValue("WWW-Authenticate").orElse(null));
    }
}
