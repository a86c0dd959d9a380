package de.akte.web.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static de.akte.web.it.ApiClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Classification through the API: rules, the review inbox, filing by a clerk, learning, file references. */
class FilingApiIT {

    private static final ApiClient ADMIN = ApiClient.admin();
    private static final String PASSWORD = "filing-it-password";
    private static String department;
    private static String caseFile;
    private static ApiClient clerk;

    @BeforeAll
    static void office() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        department = "amt" + run;
        caseFile = "63-" + ThreadLocalRandom.current().nextInt(1000, 9999) + "/2026";
        // the reference must look like one the recognition finds on a page, so the department numbers under it
        assertEquals(201, ADMIN.postJson("/api/departments", "{\"code\":\"" + department + "\",\"name\":\"Bauamt\","
                + "\"referencePrefixes\":[\"" + caseFile.substring(0, caseFile.indexOf('/') + 1) + "\"]}").status());
        assertEquals(201, ADMIN.postJson("/api/users", "{\"username\":\"clerk." + run + "\",\"password\":\"" + PASSWORD
                + "\",\"roles\":[\"CLERK\"],\"departments\":[\"" + department + "\"]}").status());
        clerk = ApiClient.as("clerk." + run, PASSWORD);
        assertEquals(201, ADMIN.postJson("/api/case-files", "{\"fileReference\":\"" + caseFile
                + "\",\"title\":\"Neubau Kita\",\"department\":\"" + department + "\"}").status());
    }

    private long upload(String text) throws IOException {
        ApiClient.Answer created = clerk.upload("/api/documents", fields("title", "Posteingang"), "brief.pdf",
                RecordStoreApiIT.pdf(text));
        assertEquals(201, created.status(), created::text);
        return created.json().getJsonNumber("id").longValue();
    }

    private JsonObject classified(long id) {
        return clerk.awaitDocument(id, d -> !d.isNull("filingState"), Duration.ofSeconds(60));
    }

    @Test
    void ruleInboxFilingAndLearningWorkTogether() throws IOException {
        assertEquals(403, clerk.postJson("/api/admin/classification/rules", "{\"label\":\"documentType\","
                + "\"value\":\"Bauantrag\",\"pattern\":\"Bauantrag\"}").status());
        ApiClient.Answer bad = ADMIN.postJson("/api/admin/classification/rules", "{\"label\":\"documentType\","
                + "\"value\":\"X\",\"pattern\":\"([\",\"kind\":\"REGEX\"}");
        assertEquals(400, bad.status(), bad::text);
        ApiClient.Answer rule = ADMIN.postJson("/api/admin/classification/rules", "{\"label\":\"documentType\","
                + "\"value\":\"Bauantrag\",\"pattern\":\"Kitaneubau|Krippenanbau\",\"kind\":\"KEYWORD\",\"priority\":5}");
        assertEquals(201, rule.status(), rule::text);
        long ruleId = rule.json().getJsonNumber("id").longValue();
        try {
            long first = upload("Antrag zum Kitaneubau an der Lindenallee mit Spielplatz und Turnhalle");
            JsonObject unsure = classified(first);
            assertEquals("REVIEW", unsure.getString("filingState"), unsure::toString);
            JsonObject type = unsure.getJsonObject("classification").getJsonObject("documentType");
            assertEquals("Bauantrag", type.getString("value"));
            assertEquals(1.0, type.getJsonNumber("confidence").doubleValue());
            assertTrue(type.getString("reason").contains("Kitaneubau|Krippenanbau"), type::toString);
            JsonObject inbox = clerk.get("/api/inbox?department=" + department).json();
            assertTrue(inbox.getJsonArray("items").stream().map(JsonObject.class::cast)
                    .anyMatch(d -> d.getJsonNumber("id").longValue() == first), inbox::toString);
            assertEquals(404, clerk.get("/api/inbox?department=nirgendwo").status());

            ApiClient.Answer wrong = clerk.postJson("/api/documents/" + first + "/filing", "{\"caseFile\":\"1-1/1900\"}");
            assertEquals(400, wrong.status(), wrong::text);
            ApiClient.Answer filed = clerk.postJson("/api/documents/" + first + "/filing",
                    "{\"caseFile\":\"" + caseFile + "\"}");
            assertEquals(200, filed.status(), filed::text);
            assertEquals("FILED", filed.json().getString("filingState"));
            assertEquals(caseFile, filed.json().getString("caseFile"));
            assertEquals("Bauantrag", filed.json().getString("documentType"));
            assertTrue(clerk.get("/api/inbox?department=" + department).json().getJsonArray("items").stream()
                    .map(JsonObject.class::cast).noneMatch(d -> d.getJsonNumber("id").longValue() == first));

            // learned at once: the next letter like it is proposed for the same case file
            long second = upload("Nachtrag zum Kitaneubau an der Lindenallee: Spielplatz und Turnhalle geaendert");
            JsonObject proposal = classified(second).getJsonObject("classification").getJsonObject("caseFile");
            assertEquals(caseFile, proposal.getString("value"), proposal::toString);
        } finally {
            assertEquals(204, ADMIN.delete("/api/admin/classification/rules/" + ruleId).status());
        }
    }

    @Test
    void aFileReferenceOnThePageFilesTheDocumentAtOnce() throws IOException {
        long id = upload("Aktenzeichen: " + caseFile + " Schreiben zur Bauabnahme der Kindertagesstaette");
        JsonObject filed = classified(id);
        JsonObject proposal = filed.getJsonObject("classification").getJsonObject("caseFile");
        assertEquals(caseFile, proposal.getString("value"), filed::toString);
        assertEquals(1.0, proposal.getJsonNumber("confidence").doubleValue());
        assertTrue(proposal.getString("reason").contains("found on page 1"), proposal::toString);
        assertEquals(caseFile, filed.getString("caseFile"));
        assertTrue(List.of("AUTO_FILED", "REVIEW").contains(filed.getString("filingState")));
    }
}
