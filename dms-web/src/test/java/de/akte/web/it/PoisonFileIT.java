package de.akte.web.it;

import de.akte.ingest.testing.HostilePdfs;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static de.akte.web.it.ApiClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A poison file in the running server: a PDF whose page tree is nested 100,000 levels deep makes PDFBox overflow the
 * stack of the reader process every time. The server is unharmed, the document shows FAILED with the reason and is
 * tried again after a backoff,
 * and at the third crash it is set aside as QUARANTINED with a readable reason and an audit entry, while a normal
 * document uploaded after it becomes READY. Only an administrator may retry it, and the retry starts the count anew.
 */
class PoisonFileIT {

    private static final ApiClient ADMIN = ApiClient.admin();
    private static final String PASSWORD = "poison-it-password";
    /** Crashes 30 s and 60 s apart (the backoff doubles), then set aside: well within four minutes. */
    private static final Duration SET_ASIDE_WAIT = Duration.ofMinutes(4);

    @Test
    void aFileThatCrashesItsWorkerIsSetAsideWhileOthersGoOnAndOnlyAnAdministratorRetriesIt() throws IOException {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String department = "gift" + run;
        assertEquals(201, ADMIN.postJson("/api/departments",
                "{\"code\":\"" + department + "\",\"name\":\"Posteingang\"}").status());
        assertEquals(201, ADMIN.postJson("/api/users", "{\"username\":\"clerk." + run + "\",\"password\":\"" + PASSWORD
                + "\",\"roles\":[\"CLERK\"],\"departments\":[\"" + department + "\"]}").status());
        ApiClient clerk = ApiClient.as("clerk." + run, PASSWORD);

        long poison = upload(clerk, department, "verschachtelt.pdf", HostilePdfs.deepPageTree(100_000));
        JsonObject crashedOnce = ADMIN.awaitDocument(poison, d -> d.getString("status").equals("FAILED")
                && d.getString("statusReason", "").contains("StackOverflowError"), Duration.ofMinutes(2));
        assertTrue(crashedOnce.getString("statusReason").contains("retried automatically"), crashedOnce::toString);

        // the workers go on: a normal document uploaded after the poison file becomes READY meanwhile
        String token = "Gewerbeanmeldung" + run;
        long normal = upload(clerk, department, "anmeldung.pdf", textPdf(token + " der Bäckerei Schmidt"));
        assertEquals("READY", ADMIN.awaitDocument(normal, d -> d.getString("status").equals("READY"),
                Duration.ofMinutes(1)).getString("status"));
        assertEquals(normal, clerk.awaitSearch(token, 1).getJsonArray("items").getJsonObject(0)
                .getJsonNumber("documentId").longValue());

        Instant start = Instant.now();
        JsonObject setAside = ADMIN.awaitDocument(poison, d -> d.getString("status").equals("QUARANTINED"),
                SET_ASIDE_WAIT);
        System.out.println("PoisonFileIT: set aside " + Duration.between(start, Instant.now()).toSeconds()
                + " s after the first crash was seen: " + setAside.getString("statusReason"));
        assertEquals("processing this file stopped its reader 3 times (last: the file's reader stopped with a "
                + "StackOverflowError); it has been set aside and is not retried automatically; an administrator can "
                + "retry it", setAside.getString("statusReason"));
        assertEquals("QUARANTINED", clerk.get("/api/documents/" + poison).json().getString("status"),
                "the clerk sees the same");
        JsonArray audit = (JsonArray) ADMIN.get("/api/admin/audit?targetType=document&targetId=" + poison)
                .structure();
        assertTrue(audit.stream().map(JsonObject.class::cast).anyMatch(e -> e.getString("details")
                .contains("set aside after 3 worker crashes")), audit::toString);
        ApiClient.Answer health = ApiClient.anonymous().get("/api/health");
        assertEquals(200, health.status(), "the server stayed healthy");
        // and says what happened: a monitor is not told all is well
        assertEquals("DEGRADED", health.json().getJsonObject("checks").getString("processing"), health::text);
        assertTrue(health.json().getJsonObject("reasons").getString("processing")
                .contains("stopped a processing worker"), health::text);

        // nobody but an administrator puts it back, and a refusal does not tell whether the document exists
        int attempts = 0;
        assertEquals(401, ApiClient.anonymous().post("/api/documents/" + poison + "/retry").status());
        attempts++;
        assertEquals(403, clerk.post("/api/documents/" + poison + "/retry").status());
        attempts++;
        assertEquals(403, clerk.post("/api/documents/" + (poison + 1_000_000) + "/retry").status());
        attempts++;
        assertEquals(404, ADMIN.post("/api/documents/" + (poison + 1_000_000) + "/retry").status());
        attempts++;
        assertEquals(409, ADMIN.post("/api/documents/" + normal + "/retry").status(), "nothing to retry");
        attempts++;
        assertEquals("QUARANTINED", ADMIN.get("/api/documents/" + poison).json().getString("status"),
                "the refused retries changed nothing");

        ApiClient.Answer retried = ADMIN.post("/api/documents/" + poison + "/retry");
        assertEquals(202, retried.status(), retried::text);
        assertNotEquals("QUARANTINED", retried.json().getString("status"));
        // a fresh count: the next crash sends it back to the queue instead of setting it aside at once
        JsonObject crashedAgain = ADMIN.awaitDocument(poison, d -> d.getString("status").equals("FAILED")
                && d.getString("statusReason", "").contains("StackOverflowError"), Duration.ofMinutes(2));
        assertTrue(crashedAgain.getString("statusReason").contains("retried automatically"), crashedAgain::toString);
        System.out.println("PoisonFileIT: " + attempts + " attempts to retry without the right, all refused");
    }

    private static long upload(ApiClient client, String department, String fileName, byte[] content) {
        ApiClient.Answer created = client.upload("/api/documents", fields("title", fileName, "department",
                department), fileName, content);
        assertEquals(201, created.status(), created::text);
        return created.json().getJsonNumber("id").longValue();
    }

    private static byte[] textPdf(String text) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText(text);
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
