package de.akte.web.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static de.akte.web.it.ApiClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Adversarial: people change a document while the workers process it (new versions, metadata, filing), all at once.
 * Conflicting transactions are run again inside the server; nobody sees a 500 or a transaction manager's message.
 */
class ConcurrentChangesIT {

    private static final ApiClient ADMIN = ApiClient.admin();

    @Test
    void changesWhileTheWorkersProcessNeverShowInternalErrors() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String department = "cc" + run;
        assertEquals(201, ADMIN.postJson("/api/departments", "{\"code\":\"" + department + "\",\"name\":\"Amt\"}")
                .status());
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ApiClient.Answer created = ADMIN.upload("/api/documents", fields("title", "Brief " + i, "department",
                    department), "brief.pdf", RecordStoreApiIT.pdf("Erste Fassung " + run + " Nummer " + i));
            assertEquals(201, created.status(), created::text);
            ids.add(created.json().getJsonNumber("id").longValue());
        }
        ExecutorService people = Executors.newFixedThreadPool(6);
        List<Future<ApiClient.Answer>> answers = new ArrayList<>();
        try {
            for (int round = 0; round < 3; round++) {
                for (long id : ids) {
                    int r = round;
                    answers.add(people.submit(() -> ADMIN.upload("/api/documents/" + id + "/versions", fields(),
                            "brief-v" + r + ".pdf", RecordStoreApiIT.pdf("Fassung " + r + " " + run))));
                    answers.add(people.submit(() -> ADMIN.patchJson("/api/documents/" + id,
                            "{\"title\":\"Brief geaendert " + r + "\"}")));
                    answers.add(people.submit(() -> ADMIN.postJson("/api/documents/" + id + "/filing",
                            "{\"documentType\":\"Brief\"}")));
                }
            }
            for (Future<ApiClient.Answer> answer : answers) {
                ApiClient.Answer a = answer.get();
                assertTrue(a.status() < 500, a.status() + " " + a.text());
                assertFalse(a.text().contains("ARJUNA") || a.text().contains("Exception"), a.text());
            }
        } finally {
            people.shutdownNow();
        }
        for (long id : ids) {
            JsonObject settled = ADMIN.awaitDocument(id, d -> !"RECEIVED".equals(d.getString("status"))
                    && !"PROCESSING".equals(d.getString("status")), Duration.ofSeconds(120));
            assertEquals("READY", settled.getString("status"), settled::toString);
            assertEquals(4, settled.getInt("currentVersion"), settled::toString);
            String reason = settled.isNull("statusReason") ? "" : settled.getString("statusReason");
            assertFalse(reason.contains("Exception") || reason.contains("ARJUNA"), reason);
        }
        System.out.println("ConcurrentChangesIT: " + answers.size() + " concurrent changes, none answered 5xx");
    }
}
