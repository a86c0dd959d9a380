package de.akte.web.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static de.akte.web.it.ApiClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, point 6, tried as a clerk would: a closed (zdA) case file takes no document, version or process by
 * any path, reopening needs a reason, and a document slipped into a case file whose destruction is approved is
 * not destroyed without a new four-eyes decision; certificates list exactly the approved versions. Every attempt
 * is an assertion that it failed closed.
 */
class IsolationRetentionIT {

    private static final String PASSWORD = "retention-it-password";
    private static final ApiClient ADMIN = ApiClient.admin();
    private static final AtomicInteger ATTEMPTS = new AtomicInteger();
    private static String run;
    private static String department;
    private static String node;
    private static ApiClient clerk;
    private static ApiClient scanner;
    private static ApiClient stranger;
    private static ApiClient officer;
    private static ApiClient secondOfficer;

    @BeforeAll
    static void organisation() {
        run = UUID.randomUUID().toString().substring(0, 6);
        department = "ri" + run;
        String other = "rx" + run;
        for (String code : List.of(department, other)) {
            ApiClient.Answer created = ADMIN.postJson("/api/departments", "{\"code\":\"" + code
                    + "\",\"name\":\"Amt " + code + "\"}");
            assertEquals(201, created.status(), created::text);
        }
        clerk = user("clerk." + run, "CLERK", department);
        scanner = user("scan." + run, "SCANNER", department);
        stranger = user("stranger." + run, "CLERK", other);
        officer = user("reg1." + run, "RECORDS_OFFICER", department);
        secondOfficer = user("reg2." + run, "RECORDS_OFFICER", department);
        node = "ri-" + run;
        ApiClient.Answer created = officer.postJson("/api/file-plan/nodes", "{\"plan\":\"IT-Aktenplan " + run
                + "\",\"code\":\"" + node + "\",\"title\":\"Sondernutzungen\"}");
        assertEquals(201, created.status(), created::text);
        ApiClient.Answer schedule = officer.putJson("/api/file-plan/nodes/" + created.json().getJsonNumber("id")
                + "/retention", "{\"years\":1,\"months\":0,\"trigger\":\"CASE_FILE_CLOSED\",\"action\":\"DESTROY\","
                + "\"legalBasis\":\"§ 5 AktO\"}");
        assertEquals(200, schedule.status(), schedule::text);
    }

    @AfterAll
    static void count() {
        System.out.println("IsolationRetentionIT: " + ATTEMPTS.get() + " attempts, all refused");
    }

    private static ApiClient user(String name, String role, String dept) {
        ApiClient.Answer a = ADMIN.postJson("/api/users", "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD
                + "\",\"roles\":[\"" + role + "\"],\"departments\":[\"" + dept + "\"]}");
        assertEquals(201, a.status(), a::text);
        return ApiClient.as(name, PASSWORD);
    }

    /** One attempt that must be refused with the status, as problem+json whose detail contains the words. */
    private static void refused(int status, ApiClient.Answer answer, String words) {
        ATTEMPTS.incrementAndGet();
        assertEquals(status, answer.status(), answer::text);
        assertTrue(answer.header("Content-Type").startsWith("application/problem+json"), answer::text);
        String detail = answer.json().getString("detail");
        assertTrue(detail.contains(words), detail);
        assertTrue(!detail.contains("Exception") && !detail.contains("de.akte"), detail);
    }

    /** A case file of the department opened in 2015; returns its id. */
    private static long caseFile(String reference) {
        ApiClient.Answer created = clerk.postJson("/api/case-files", "{\"fileReference\":\"" + reference
                + "\",\"title\":\"Akte " + reference + "\",\"department\":\"" + department + "\",\"filePlanNode\":\""
                + node + "\",\"openedOn\":\"2015-01-05\"}");
        assertEquals(201, created.status(), created::text);
        return created.json().getJsonNumber("id").longValue();
    }

    /** Uploads into the case file and waits until processing and filing are through with the document. */
    private static long upload(String reference, String text) {
        ApiClient.Answer doc = clerk.upload("/api/documents", fields("title", "Schreiben " + text, "caseFile",
                reference), "schreiben.txt", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(201, doc.status(), doc::text);
        long id = doc.json().getJsonNumber("id").longValue();
        settled(id);
        return id;
    }

    private static void settled(long document) {
        clerk.awaitDocument(document, d -> !d.isNull("filingState") || List.of("FAILED", "QUARANTINED")
                .contains(d.getString("status")), Duration.ofSeconds(60));
    }

    private static void close(long caseFile) {
        ApiClient.Answer closed = clerk.postJson("/api/case-files/" + caseFile + "/close",
                "{\"closedOn\":\"2016-03-01\"}");
        assertEquals(200, closed.status(), closed::text);
    }

    private static long approvedDestruction(long caseFile) {
        ApiClient.Answer proposed = officer.postJson("/api/disposals", "{\"action\":\"DESTROY\",\"caseFileIds\":["
                + caseFile + "]}");
        assertEquals(201, proposed.status(), proposed::text);
        long id = proposed.json().getJsonNumber("id").longValue();
        ApiClient.Answer approved = secondOfficer.post("/api/disposals/" + id + "/approve");
        assertEquals(200, approved.status(), approved::text);
        return id;
    }

    private static JsonObject caseFileOf(long document) {
        return clerk.get("/api/documents/" + document).json();
    }

    private static List<String> approvedSet(JsonObject disposal) {
        return disposal.getJsonArray("items").stream().map(JsonObject.class::cast)
                .flatMap(i -> i.getJsonArray("approvedVersions").stream().map(JsonObject.class::cast))
                .map(v -> v.getJsonNumber("documentId") + "/" + v.getInt("version") + "/" + v.getString("sha256"))
                .sorted().toList();
    }

    private static List<String> certifiedSet(String reference) {
        JsonArray certs = officer.get("/api/destruction-certificates?reference=" + ApiClient.q(reference)).structure()
                .asJsonArray();
        return certs.stream().map(JsonObject.class::cast)
                .flatMap(c -> c.getJsonArray("versions").stream().map(JsonObject.class::cast))
                .map(v -> v.getJsonNumber("documentId") + "/" + v.getInt("version") + "/" + v.getString("sha256"))
                .sorted().toList();
    }

    @Test
    void aClosedCaseFileTakesNothingByAnyPathUntilItIsReopenedWithAReason() {
        String closedRef = department + "-RI/zdA";
        long closed = caseFile(closedRef);
        long inside = upload(closedRef, "Erlaubnis Wochenmarkt");
        String openRef = department + "-RI/offen";
        long open = caseFile(openRef);
        long outside = upload(openRef, "Antrag Kirmes");
        close(closed);

        refused(409, clerk.upload("/api/documents", fields("title", "Nachtrag", "caseFile", closedRef),
                "nachtrag.txt", "Nachtrag".getBytes(StandardCharsets.UTF_8)), "closed (zdA)");
        refused(409, scanner.upload("/api/documents", fields("title", "Scan", "caseFile", closedRef),
                "scan.txt", "Scan".getBytes(StandardCharsets.UTF_8)), "closed (zdA)");
        refused(409, clerk.patchJson("/api/documents/" + outside, "{\"caseFile\":\"" + closedRef + "\"}"),
                "it takes no new documents");
        refused(409, clerk.postJson("/api/documents/" + outside + "/filing", "{\"caseFile\":\"" + closedRef
                + "\",\"documentType\":\"Antrag\"}"), "it takes no new documents");
        refused(409, clerk.postJson("/api/case-files/" + closed + "/processes", "{\"title\":\"Nachtrag\"}"),
                "it takes no new processes");
        refused(409, clerk.upload("/api/documents/" + inside + "/versions", fields(), "erlaubnis-2.txt",
                "Erlaubnis, zweite Fassung".getBytes(StandardCharsets.UTF_8)), "no new versions");
        refused(409, clerk.patchJson("/api/documents/" + inside, "{\"caseFile\":\"" + openRef + "\"}"),
                "no document leaves it");
        refused(409, clerk.patchJson("/api/documents/" + inside, "{\"caseFile\":\"\"}"), "no document leaves it");
        refused(409, clerk.postJson("/api/documents/" + inside + "/filing", "{\"caseFile\":\"" + openRef + "\"}"),
                "no document leaves it");

        ApiClient.Answer batch = scanner.postJson("/api/imports", "{\"key\":\"ri-" + run + "\",\"source\":\"Regal 4\","
                + "\"caseFile\":\"" + closedRef + "\"}");
        assertEquals(201, batch.status(), batch::text);
        refused(409, scanner.upload("/api/imports/" + batch.json().getJsonNumber("id") + "/items",
                fields("path", "regal4/blatt1.txt"), "blatt1.txt", "Blatt 1".getBytes(StandardCharsets.UTF_8)),
                "closed (zdA)");

        refused(400, clerk.post("/api/case-files/" + closed + "/reopen"), "reason");
        refused(400, clerk.postJson("/api/case-files/" + closed + "/reopen", "{}"), "reason");
        refused(400, clerk.postJson("/api/case-files/" + closed + "/reopen", "{\"reason\":\"   \"}"), "reason");
        ApiClient.Answer hidden = stranger.postJson("/api/case-files/" + closed + "/reopen", "{\"reason\":\"meins\"}");
        ApiClient.Answer missing = stranger.postJson("/api/case-files/" + Long.MAX_VALUE + "/reopen",
                "{\"reason\":\"meins\"}");
        refused(404, hidden, "no case file");
        refused(404, missing, "no case file");
        assertEquals(hidden.json().getString("detail").replace(Long.toString(closed), "ID"),
                missing.json().getString("detail").replace(Long.toString(Long.MAX_VALUE), "ID"),
                "a hidden file and a missing one answer alike");
        refused(403, scanner.postJson("/api/case-files/" + closed + "/reopen", "{\"reason\":\"Scan\"}"), "");

        JsonObject details = clerk.get("/api/case-files/" + closed).json();
        assertEquals(1, details.getJsonArray("documents").size(), details::toString);
        assertEquals(0, details.getJsonArray("processes").size(), details::toString);
        assertEquals(1, clerk.get("/api/documents/" + inside + "/versions").structure().asJsonArray().size());
        assertEquals(open, caseFileOf(outside).getJsonNumber("caseFileId").longValue());
        assertEquals("CLOSED", clerk.get("/api/case-files/" + closed + "/retention").json().getString("status"));

        ApiClient.Answer reopened = clerk.postJson("/api/case-files/" + closed + "/reopen",
                "{\"reason\":\"Widerspruch gegen den Widerruf\"}");
        assertEquals(200, reopened.status(), reopened::text);
        assertEquals("OPEN", reopened.json().getString("status"));
        ApiClient.Answer moved = clerk.patchJson("/api/documents/" + outside, "{\"caseFile\":\"" + closedRef + "\"}");
        assertEquals(200, moved.status(), moved::text);
        String trail = ADMIN.get("/api/admin/audit?targetType=caseFile&targetId=" + closed).text();
        assertTrue(trail.contains("reopened: Widerspruch gegen den Widerruf"), trail);
    }

    @Test
    void aDocumentSlippedIntoAnApprovedFileSurvivesAndTheCertificateListsExactlyTheApprovedSet() {
        String reference = department + "-RI/V";
        long target = caseFile(reference);
        upload(reference, "Sondernutzungserlaubnis Markt");
        close(target);
        String otherRef = department + "-RI/K";
        caseFile(otherRef);
        long extra = upload(otherRef, "Beschwerde über die Kirmes");
        long disposal = approvedDestruction(target);

        refused(409, clerk.patchJson("/api/documents/" + extra, "{\"caseFile\":\"" + reference + "\"}"),
                "closed (zdA)");
        refused(409, clerk.postJson("/api/documents/" + extra + "/filing", "{\"caseFile\":\"" + reference + "\"}"),
                "closed (zdA)");
        refused(409, clerk.upload("/api/documents", fields("title", "Nachtrag", "caseFile", reference),
                "nachtrag.txt", "Nachtrag zur Erlaubnis".getBytes(StandardCharsets.UTF_8)), "closed (zdA)");
        assertEquals("APPROVED", officer.get("/api/disposals/" + disposal).json().getString("state"));

        // the clerk takes the only way in: reopen (with a reason), move the letter in, close on the same day
        ApiClient.Answer reopened = clerk.postJson("/api/case-files/" + target + "/reopen",
                "{\"reason\":\"Beschwerde nachheften\"}");
        assertEquals(200, reopened.status(), reopened::text);
        assertEquals(200, clerk.patchJson("/api/documents/" + extra, "{\"caseFile\":\"" + reference + "\"}").status());
        close(target);

        JsonObject back = officer.get("/api/disposals/" + disposal).json();
        assertEquals("PROPOSED", back.getString("state"), back::toString);
        assertTrue(back.getString("sentBackReason").contains("Beschwerde nachheften"), back::toString);
        refused(409, officer.post("/api/disposals/" + disposal + "/execute"), "sent back for a new decision");
        refused(409, secondOfficer.post("/api/disposals/" + disposal + "/execute"), "sent back for a new decision");
        refused(403, officer.post("/api/disposals/" + disposal + "/approve"), "four-eyes");
        refused(403, clerk.post("/api/disposals/" + disposal + "/approve"), "");
        ApiClient.Answer survivor = clerk.get("/api/documents/" + extra);
        assertEquals(200, survivor.status(), "the slipped-in letter survives");
        assertEquals(target, survivor.json().getJsonNumber("caseFileId").longValue());
        assertEquals(List.of(), certifiedSet(reference));

        ApiClient.Answer decided = secondOfficer.post("/api/disposals/" + disposal + "/approve");
        assertEquals(200, decided.status(), decided::text);
        List<String> approved = approvedSet(decided.json());
        assertEquals(2, approved.size(), "the new decision covers the letter, openly");
        ApiClient.Answer executed = officer.post("/api/disposals/" + disposal + "/execute");
        assertEquals(200, executed.status(), executed::text);
        assertEquals(approved, certifiedSet(reference));
    }

    @Test
    void anUntouchedApprovedFileIsDestroyedWithACertificateOfExactlyTheApprovedVersions() {
        String reference = department + "-RI/U";
        long target = caseFile(reference);
        long document = upload(reference, "Gestattung Straßenfest");
        ApiClient.Answer second = clerk.upload("/api/documents/" + document + "/versions", fields(),
                "gestattung-2.txt", "Gestattung Straßenfest, geändert".getBytes(StandardCharsets.UTF_8));
        assertEquals(201, second.status(), second::text);
        clerk.awaitDocument(document, d -> d.getInt("currentVersion") == 2 && "READY".equals(d.getString("status"))
                && !d.isNull("filingState"), Duration.ofSeconds(60));
        close(target);
        long disposal = approvedDestruction(target);
        List<String> approved = approvedSet(officer.get("/api/disposals/" + disposal).json());
        assertEquals(2, approved.size());

        refused(409, clerk.upload("/api/documents/" + document + "/versions", fields(), "gestattung-3.txt",
                "dritte Fassung".getBytes(StandardCharsets.UTF_8)), "closed (zdA)");
        refused(409, clerk.postJson("/api/case-files/" + target + "/processes", "{\"title\":\"Nachlauf\"}"),
                "closed (zdA)");

        ApiClient.Answer executed = officer.post("/api/disposals/" + disposal + "/execute");
        assertEquals(200, executed.status(), executed::text);
        assertEquals(approved, certifiedSet(reference));
        assertEquals(404, clerk.get("/api/documents/" + document).status());
    }
}
