package de.akte.web.it;

import de.akte.ingest.testing.HostilePdfs;
import de.akte.ingest.testing.LetterScans;
import de.akte.ingest.testing.LetterScans.Letter;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.akte.web.it.ApiClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The "four small PDFs" of issue 13 in the running server, beside an innocent letter: a page bomb of giant media
 * boxes, a Type3 font whose glyph draws itself, a tiling pattern filled with itself and a broken file. Their reader
 * processes die (out of memory, stack overflow) or refuse them; the server does not: health answers throughout, the
 * letter becomes READY and searchable, and each hostile file ends FAILED or QUARANTINED with a reason people can read.
 */
class HostileFilesIT {

    private static final ApiClient ADMIN = ApiClient.admin();
    private static final String PASSWORD = "hostile-it-password";
    private static final Duration WAIT = Duration.ofMinutes(6);
    private static final Duration HEALTH_ANSWER = Duration.ofSeconds(20);

    @Test
    void hostileFilesCostOnlyTheirReadersWhileTheServerStaysHealthyAndTheInnocentLetterIsFound() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String department = "feind" + run;
        assertEquals(201, ADMIN.postJson("/api/departments",
                "{\"code\":\"" + department + "\",\"name\":\"Posteingang\"}").status());
        assertEquals(201, ADMIN.postJson("/api/users", "{\"username\":\"clerk." + run + "\",\"password\":\"" + PASSWORD
                + "\",\"roles\":[\"CLERK\"],\"departments\":[\"" + department + "\"]}").status());
        ApiClient clerk = ApiClient.as("clerk." + run, PASSWORD);

        byte[] letter = letterPdf(run);
        Map<String, Long> hostile = new LinkedHashMap<>();
        hostile.put("seitenbombe.pdf", upload(clerk, department, "seitenbombe.pdf", HostilePdfs.giantMediaBox()));
        hostile.put("type3.pdf", upload(clerk, department, "type3.pdf", HostilePdfs.selfDrawingType3Glyph()));
        hostile.put("muster.pdf", upload(clerk, department, "muster.pdf", HostilePdfs.selfFilledTilingPattern()));
        hostile.put("kaputt.pdf", upload(clerk, department, "kaputt.pdf", Arrays.copyOf(letter, letter.length / 3)));
        long innocent = upload(clerk, department, "brief.pdf", letter);
        System.out.println("HostileFilesIT: " + hostile.size() + " hostile PDFs of " + (HostilePdfs.giantMediaBox().length
                + HostilePdfs.selfDrawingType3Glyph().length + HostilePdfs.selfFilledTilingPattern().length
                + letter.length / 3) + " bytes uploaded with an innocent letter");

        HttpClient http = HttpClient.newBuilder().connectTimeout(HEALTH_ANSWER).build();
        long deadline = System.nanoTime() + WAIT.toNanos();
        int healthChecks = 0;
        Map<String, JsonObject> ended = new LinkedHashMap<>();
        boolean innocentReady = false;
        while (ended.size() < hostile.size() || !innocentReady) {
            if (System.nanoTime() > deadline) {
                fail("still not done after " + WAIT + ": ended " + ended.keySet() + ", letter ready " + innocentReady);
            }
            JsonObject health = health(http);
            healthChecks++;
            assertNotEquals("DOWN", health.getString("status"), health::toString);
            assertEquals("UP", health.getJsonObject("checks").getString("memory"), health::toString);
            for (Map.Entry<String, Long> file : hostile.entrySet()) {
                JsonObject document = ADMIN.get("/api/documents/" + file.getValue()).json();
                if (List.of("FAILED", "QUARANTINED", "READY").contains(document.getString("status"))) {
                    ended.putIfAbsent(file.getKey(), document);
                }
            }
            innocentReady = "READY".equals(ADMIN.get("/api/documents/" + innocent).json().getString("status"));
            Thread.sleep(2_000);
        }
        ended.forEach((name, document) -> System.out.println("HostileFilesIT: " + name + " -> "
                + document.getString("status") + ": " + document.getString("statusReason", "")));
        System.out.println("HostileFilesIT: health answered " + healthChecks + " times, never DOWN");

        // the page bomb exhausts its reader's heap; with a decoded-page budget in the reader it may instead be
        // refused with a reason, or its pages wait their turn and it is read (blank): either way not the server's end
        JsonObject bomb = ended.get("seitenbombe.pdf");
        assertTrue(bomb.getString("status").equals("READY")
                || reason(ended, "seitenbombe.pdf").startsWith("the file's reader ran out of its memory (")
                || bomb.getString("status").equals("FAILED") || bomb.getString("status").equals("QUARANTINED"),
                ended::toString);
        assertTrue(reason(ended, "type3.pdf").startsWith("the file's reader stopped with a StackOverflowError"),
                ended::toString);
        assertTrue(reason(ended, "muster.pdf").startsWith("the file's reader stopped with a StackOverflowError"),
                ended::toString);
        assertEquals("FAILED", ended.get("kaputt.pdf").getString("status"), ended::toString);
        for (String name : List.of("type3.pdf", "muster.pdf")) {
            assertTrue(reason(ended, name).endsWith("it will be retried automatically")
                    || ended.get(name).getString("status").equals("QUARANTINED"), ended::toString);
        }
        ended.forEach((name, document) -> {
            if (document.getString("status").equals("READY")) {
                return;
            }
            String reason = document.getString("statusReason");
            assertFalse(reason.isBlank() || reason.contains("\tat ") || reason.contains("java.lang."),
                    name + ": a reason for people, not a stack trace: " + reason);
        });

        assertEquals(innocent, clerk.awaitSearch("Gewerbeanmeldung" + run, 1).getJsonArray("items")
                .getJsonObject(0).getJsonNumber("documentId").longValue());
        ApiClient.Answer page = clerk.get("/api/documents/" + innocent + "/pages/1/image?width=400");
        assertEquals(200, page.status(), page::text);
        JsonObject health = health(http);
        ServingHealth.assertServing(health);
        Path log = Path.of(System.getProperty("akte.it.workDir", "target"), "it-server.log");
        if (Files.exists(log)) {
            assertFalse(Files.readString(log).contains("java.lang.OutOfMemoryError"),
                    "the server itself never ran out of memory");
        }
    }

    private static String reason(Map<String, JsonObject> ended, String name) {
        return ended.get(name).getString("statusReason", "");
    }

    private static JsonObject health(HttpClient http) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(ApiClient.BASE + "/api/health"))
                .timeout(HEALTH_ANSWER).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer::body);
        return Json.createReader(new StringReader(answer.body())).readObject();
    }

    private static long upload(ApiClient client, String department, String fileName, byte[] content) {
        ApiClient.Answer created = client.upload("/api/documents", fields("title", fileName, "department",
                department), fileName, content);
        assertEquals(201, created.status(), created::text);
        return created.json().getJsonNumber("id").longValue();
    }

    private static byte[] letterPdf(String run) throws IOException {
        Path file = Files.createTempFile("brief-", ".pdf");
        try {
            LetterScans.toTextPdf(Letter.withSubject("Gewerbeanmeldung" + run + " der Bäckerei Schmidt"), file);
            return Files.readAllBytes(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
