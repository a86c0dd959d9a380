package de.akte.web.it;

import de.akte.ingest.testing.LetterScans;
import de.akte.ingest.testing.LetterScans.Letter;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static de.akte.web.it.ApiClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Adversarial: what automation derives never crosses departments. A clerk of one department uploads letters that
 * name, resemble or point to another department's records; nothing may move, nothing of the other department may
 * show, and the answers must be the same whether the other department's record exists or not.
 */
class IsolationFilingIT {

    private static final ApiClient ADMIN = ApiClient.admin();
    private static final String PASSWORD = "isolation-filing-it";
    private static final AtomicInteger ATTEMPTS = new AtomicInteger();
    private static String run;
    private static String ours;
    private static String theirs;
    private static String ourFile;
    private static String theirFile;
    private static ApiClient clerk;
    private static ApiClient otherClerk;
    private static ApiClient officer;

    @TempDir
    Path dir;

    @BeforeAll
    static void twoDepartments() {
        run = UUID.randomUUID().toString().substring(0, 6);
        // numeric codes, as cities number their offices, so that references in letters are found like real ones
        int number = ThreadLocalRandom.current().nextInt(10, 99);
        ours = "7" + number;
        theirs = "8" + number;
        for (String code : List.of(ours, theirs)) {
            assertEquals(201, ADMIN.postJson("/api/departments", "{\"code\":\"" + code + "\",\"name\":\"Amt " + code
                    + "\"}").status());
        }
        ourFile = ours + "-1/2026";
        theirFile = theirs + "-7/2026";
        caseFile(ourFile, ours);
        caseFile(theirFile, theirs);
        clerk = user("clerk.a." + run, "CLERK", ours);
        otherClerk = user("clerk.b." + run, "CLERK", theirs);
        officer = user("reg." + run, "RECORDS_OFFICER", null);
    }

    @AfterAll
    static void report() {
        System.out.println("IsolationFilingIT: " + ATTEMPTS.get() + " attempts, all failed closed");
    }

    private static void caseFile(String reference, String department) {
        ApiClient.Answer created = ADMIN.postJson("/api/case-files", "{\"fileReference\":\"" + reference
                + "\",\"title\":\"Akte\",\"department\":\"" + department + "\"}");
        assertEquals(201, created.status(), created::text);
    }

    private static ApiClient user(String name, String role, String department) {
        ApiClient.Answer created = ADMIN.postJson("/api/users", "{\"username\":\"" + name + "\",\"password\":\""
                + PASSWORD + "\",\"roles\":[\"" + role + "\"],\"departments\":["
                + (department == null ? "" : "\"" + department + "\"") + "]}");
        assertEquals(201, created.status(), created::text);
        return ApiClient.as(name, PASSWORD);
    }

    private static long upload(ApiClient as, String department, String caseFile, String type, String text)
            throws IOException {
        ApiClient.Answer created = as.upload("/api/documents", caseFile != null
                        ? fields("title", "Posteingang", "caseFile", caseFile, "documentType", type)
                        : fields("title", "Posteingang", "department", department),
                "brief.pdf", RecordStoreApiIT.pdf(text));
        assertEquals(201, created.status(), created::text);
        return created.json().getJsonNumber("id").longValue();
    }

    private static JsonObject classified(ApiClient as, long id) {
        return as.awaitDocument(id, d -> !d.isNull("filingState") || "FAILED".equals(d.getString("status")),
                Duration.ofSeconds(90));
    }

    // what a clerk sees of a document, without what differs by nature (ids, times, found text)
    private static String shape(JsonObject document) {
        return "status=" + document.getString("status") + " department=" + document.getString("department")
                + " caseFile=" + (document.isNull("caseFile") ? null : document.getString("caseFile"))
                + " filingState=" + document.getString("filingState")
                + " routingNote=" + (document.isNull("routingNote") ? null : document.getString("routingNote"))
                + " labels=" + document.getJsonObject("classification").keySet();
    }

    // the classification and note shown to the uploader's department: no reference, code or document of theirs
    private static void assertNothingOfTheirs(String shown, List<Long> theirIds) {
        assertFalse(shown.contains(theirFile), shown);
        assertFalse(Pattern.compile("(?<![\\d.])" + Pattern.quote(theirs) + "(?![\\d.])").matcher(shown).find(), shown);
        Matcher named = Pattern.compile("filed documents: ([0-9, ]+)").matcher(shown);
        while (named.find()) {
            for (String id : named.group(1).split(",\\s*")) {
                assertFalse(theirIds.contains(Long.valueOf(id.strip())), "names their document " + id + ": " + shown);
            }
        }
    }

    @Test
    void aLetterNamingAnotherDepartmentsFileReferenceStaysAndLooksLikeOneNamingNoCaseFile() throws IOException {
        List<Long> named = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            named.add(upload(clerk, ours, null, null, "Aktenzeichen: " + theirFile + " Schreiben " + i));
            unknown.add(upload(clerk, ours, null, null, "Aktenzeichen: " + theirs + "-9" + i + "/2026"
                    + " Schreiben " + i));
        }
        for (int i = 0; i < named.size(); i++) {
            ATTEMPTS.incrementAndGet();
            JsonObject pointing = classified(clerk, named.get(i));
            JsonObject nowhere = classified(clerk, unknown.get(i));
            assertEquals(ours, pointing.getString("department"), "never moved out: " + pointing);
            assertTrue(pointing.isNull("caseFile"), pointing::toString);
            assertEquals(shape(nowhere), shape(pointing), "a hidden reference answers like a missing one");
            assertNothingOfTheirs(pointing.getJsonObject("classification").toString(), List.of());
            assertEquals(200, clerk.get("/api/documents/" + named.get(i)).status(), "the uploader keeps it");
            ATTEMPTS.incrementAndGet();
            assertEquals(404, otherClerk.get("/api/documents/" + named.get(i)).status(), "nothing written into theirs");
        }
        JsonObject requests = officer.get("/api/routing?size=200").json();
        assertTrue(requests.getJsonArray("items").stream().map(JsonObject.class::cast)
                .anyMatch(r -> r.getJsonNumber("documentId").longValue() == named.get(0)
                        && r.getString("detail").contains(theirFile)), requests::toString);
    }

    @Test
    void aLetterResemblingAnotherDepartmentsRecordsStaysWithANeutralNoteUntilTheRegistryHandsItOver()
            throws IOException {
        String topic = "Sondernutzungserlaubnis Gehweg Cafe Tische Stuehle Aussengastronomie " + run;
        List<Long> theirDocs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            theirDocs.add(upload(otherClerk, theirs, theirFile, "Sondernutzung", topic + " Antrag Nummer " + i));
        }
        for (long id : theirDocs) {
            assertEquals("FILED", classified(otherClerk, id).getString("filingState"));
        }
        List<Long> ourDocs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ourDocs.add(upload(clerk, ours, null, null, topic + " Bitte um Erlaubnis " + i));
        }
        for (long id : ourDocs) {
            ATTEMPTS.incrementAndGet();
            JsonObject seen = classified(clerk, id);
            assertEquals(ours, seen.getString("department"), "the classifier never moves it: " + seen);
            assertTrue(seen.isNull("caseFile"), seen::toString);
            assertFalse(seen.isNull("routingNote"), "the department learns that the registry looks at it");
            assertNothingOfTheirs(seen.getJsonObject("classification").toString() + seen.getString("routingNote"),
                    theirDocs);
            assertFalse(seen.getJsonObject("classification").toString().contains("Sondernutzung\""),
                    "their document type is not proposed: " + seen);
        }
        long letter = ourDocs.get(0);
        ATTEMPTS.incrementAndGet();
        assertEquals(403, clerk.get("/api/routing").status());
        ATTEMPTS.incrementAndGet();
        assertEquals(403, clerk.postJson("/api/documents/" + letter + "/handover", "{\"department\":\"" + theirs
                + "\",\"reason\":\"mine now\"}").status());
        ATTEMPTS.incrementAndGet();
        assertEquals(403, otherClerk.postJson("/api/documents/" + letter + "/handover", "{\"department\":\""
                + theirs + "\",\"reason\":\"give it to me\"}").status());
        JsonObject requests = officer.get("/api/routing?size=200").json();
        JsonObject request = requests.getJsonArray("items").stream().map(JsonObject.class::cast)
                .filter(r -> r.getJsonNumber("documentId").longValue() == letter).findFirst().orElseThrow();
        assertEquals("RESEMBLANCE", request.getString("cause"));
        assertTrue(request.getString("detail").contains(theirs), request::toString);

        ApiClient.Answer noReason = officer.postJson("/api/documents/" + letter + "/handover", "{\"department\":\""
                + theirs + "\"}");
        assertEquals(400, noReason.status(), noReason::text);
        ApiClient.Answer handed = officer.postJson("/api/documents/" + letter + "/handover", "{\"department\":\""
                + theirs + "\",\"caseFile\":\"" + theirFile + "\",\"reason\":\"Sondernutzung ist Sache des Amts "
                + theirs + "\"}");
        assertEquals(200, handed.status(), handed::text);
        assertEquals(theirFile, handed.json().getString("caseFile"));
        assertTrue(handed.json().isNull("routingNote"));
        assertEquals(404, clerk.get("/api/documents/" + letter).status());
        assertEquals(200, otherClerk.get("/api/documents/" + letter).status());
        String audit = ADMIN.get("/api/admin/audit?targetType=document&targetId=" + letter).text();
        assertTrue(audit.contains("handed over from " + ours + " to " + theirs), audit);
        assertTrue(audit.contains("reg." + run), audit);
    }

    @Test
    void administratorsRulesPointingToAnotherDepartmentOnlyAskTheRegistry() throws IOException {
        String keyword = "Zustaendigkeitsprobe" + run;
        List<Long> rules = new ArrayList<>();
        for (String rule : List.of("{\"label\":\"caseFile\",\"value\":\"" + theirFile + "\"",
                "{\"label\":\"department\",\"value\":\"" + theirs + "\"")) {
            ApiClient.Answer added = ADMIN.postJson("/api/admin/classification/rules", rule + ",\"pattern\":\""
                    + keyword + "\",\"kind\":\"KEYWORD\",\"priority\":50}");
            assertEquals(201, added.status(), added::text);
            rules.add(added.json().getJsonNumber("id").longValue());
        }
        try {
            List<Long> letters = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                letters.add(upload(clerk, ours, null, null, keyword + " Schreiben Nummer " + i));
            }
            for (long id : letters) {
                ATTEMPTS.incrementAndGet();
                JsonObject seen = classified(clerk, id);
                assertEquals(ours, seen.getString("department"), seen::toString);
                assertTrue(seen.isNull("caseFile"), seen::toString);
                assertNothingOfTheirs(seen.getJsonObject("classification").toString()
                        + seen.getString("routingNote"), List.of());
                ATTEMPTS.incrementAndGet();
                assertEquals(404, otherClerk.get("/api/documents/" + id).status());
            }
            JsonObject requests = officer.get("/api/routing?size=200").json();
            assertTrue(requests.getJsonArray("items").stream().map(JsonObject.class::cast)
                    .anyMatch(r -> r.getJsonNumber("documentId").longValue() == letters.get(0)
                            && "RULE".equals(r.getString("cause"))), requests::toString);
        } finally {
            for (long rule : rules) {
                ADMIN.delete("/api/admin/classification/rules/" + rule);
            }
        }
    }

    @Test
    void separatorSheetsNamingAnotherDepartmentsCaseFileLeaveThePartsInTheBatchsDepartment() throws IOException {
        Path tiff = dir.resolve("stapel.tif");
        LetterScans.toTiff(List.of(
                LetterScans.separatorSheet("AKTE-AZ:" + theirFile, true),
                LetterScans.page(Letter.numbered(301)),
                LetterScans.separatorSheet("AKTE-AZ:" + theirs + "-99/2026", true),
                LetterScans.page(Letter.numbered(302))), 300, tiff, "LZW");
        ApiClient.Answer created = clerk.upload("/api/documents", fields("title", "Stapel", "department", ours),
                "stapel.tif", Files.readAllBytes(tiff));
        assertEquals(201, created.status(), created::text);
        long batch = created.json().getJsonNumber("id").longValue();
        JsonObject settled = clerk.awaitDocument(batch, d -> d.getJsonObject("metadata").containsKey("batch.parts")
                || "FAILED".equals(d.getString("status")), Duration.ofSeconds(180));
        List<Long> parts = Arrays.stream(settled.getJsonObject("metadata").getString("batch.parts").split(", "))
                .map(Long::valueOf).toList();
        assertEquals(2, parts.size(), settled::toString);
        String[] notes = settled.getJsonObject("metadata").getString("batch.notes").split("; ");
        ATTEMPTS.incrementAndGet();
        assertEquals(notes[0].replace("part 1", "part N").replace(theirFile, "REF"),
                notes[1].replace("part 2", "part N").replace(theirs + "-99/2026", "REF"),
                "the note for their case file is the note for one that does not exist");
        for (long part : parts) {
            ATTEMPTS.incrementAndGet();
            JsonObject seen = clerk.awaitDocument(part, d -> !d.isNull("filingState"), Duration.ofSeconds(120));
            assertEquals(ours, seen.getString("department"), seen::toString);
            assertTrue(seen.isNull("caseFile"), seen::toString);
            assertNotNull(seen.getString("routingNote"));
            ATTEMPTS.incrementAndGet();
            assertEquals(404, otherClerk.get("/api/documents/" + part).status());
        }
        assertEquals(shape(clerk.get("/api/documents/" + parts.get(0)).json()),
                shape(clerk.get("/api/documents/" + parts.get(1)).json()));
    }
}
