package de.akte.web.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static de.akte.web.it.ApiClient.fields;
import static de.akte.web.it.ApiClient.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Department isolation of file references, tried as a clerk and a scanner of department A against department B:
 * A cannot take references of B's numbering, and wherever a person types a reference, one of B's case files
 * answers exactly like a reference nobody has given. Every attempt is an assertion that it failed closed.
 */
class IsolationReferencesIT {

    private static final ApiClient ADMIN = ApiClient.admin();
    private static final String PASSWORD = "references-it-password";
    private static final AtomicInteger ATTEMPTS = new AtomicInteger();
    private static String run;
    private static String mine;
    private static String theirs;
    private static String theirFile;
    private static long theirFileId;
    private static String ownFile;
    private static long ownDocument;
    private static ApiClient clerk;
    private static ApiClient scanner;
    private static ApiClient theirClerk;
    private static ApiClient officer;

    @BeforeAll
    static void twoDepartments() {
        run = UUID.randomUUID().toString().substring(0, 6);
        mine = "ra" + run;
        theirs = "rb" + run;
        for (String code : List.of(mine, theirs)) {
            ApiClient.Answer created = ADMIN.postJson("/api/departments", "{\"code\":\"" + code + "\",\"name\":\"Amt "
                    + code + "\"}");
            assertEquals(201, created.status(), created::text);
            assertEquals(List.of(code + "-"), strings(created.json(), "referencePrefixes"));
        }
        clerk = user("clerk.a." + run, "CLERK", mine);
        scanner = user("scan.a." + run, "SCANNER", mine);
        theirClerk = user("clerk.b." + run, "CLERK", theirs);
        officer = user("reg." + run, "RECORDS_OFFICER", mine);
        theirFile = theirs + "-41/2012";
        theirFileId = open(theirClerk, theirFile, theirs);
        ownFile = mine + "-10/2026";
        open(clerk, ownFile, mine);
        ApiClient.Answer letter = clerk.upload("/api/documents", fields("title", "Schreiben", "caseFile", ownFile),
                "schreiben.txt", "Schreiben zur Kanalsanierung".getBytes(StandardCharsets.UTF_8));
        assertEquals(201, letter.status(), letter::text);
        ownDocument = letter.json().getJsonNumber("id").longValue();
    }

    @AfterAll
    static void report() {
        System.out.println("IsolationReferencesIT: " + ATTEMPTS.get() + " attempts, all refused");
    }

    private static ApiClient user(String name, String role, String department) {
        ApiClient.Answer a = ADMIN.postJson("/api/users", "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD
                + "\",\"roles\":[\"" + role + "\"],\"departments\":[\"" + department + "\"]}");
        assertEquals(201, a.status(), a::text);
        return ApiClient.as(name, PASSWORD);
    }

    private static long open(ApiClient as, String reference, String department) {
        ApiClient.Answer created = createCaseFile(as, reference, department);
        assertEquals(201, created.status(), created::text);
        return created.json().getJsonNumber("id").longValue();
    }

    private static ApiClient.Answer createCaseFile(ApiClient as, String reference, String department) {
        return as.postJson("/api/case-files", "{\"fileReference\":\"" + reference + "\",\"title\":\"Akte\","
                + "\"department\":\"" + department + "\"}");
    }

    private static List<String> strings(JsonObject o, String key) {
        return o.getJsonArray(key).getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
    }

    /** One attempt that must be refused with the status: problem+json, no internals. Returns status and body. */
    private static String refused(ApiClient.Answer answer, int status) {
        ATTEMPTS.incrementAndGet();
        assertEquals(status, answer.status(), answer::text);
        assertTrue(answer.header("Content-Type").startsWith("application/problem+json"), answer.header("Content-Type"));
        assertFalse(answer.text().contains("Exception"), answer::text);
        return status + " " + answer.text();
    }

    /** One look-up that must find nothing: 200 with an empty page. Returns status and body. */
    private static String nothingFound(ApiClient.Answer answer) {
        ATTEMPTS.incrementAndGet();
        assertEquals(200, answer.status(), answer::text);
        assertEquals(0, answer.json().getInt("total"), answer::text);
        return "200 " + answer.text();
    }

    /** Refused (4xx) or, for a look-up, empty: whichever it is, status and body. */
    private static String failedClosed(ApiClient.Answer answer) {
        if (answer.status() == 200) {
            return nothingFound(answer);
        }
        assertTrue(answer.status() >= 400 && answer.status() < 500, answer::text);
        return refused(answer, answer.status());
    }

    private static void assertAllSame(List<String> answers) {
        for (String a : answers) {
            assertEquals(answers.get(0), a, "answers differ");
        }
    }

    @Test
    void aClerkCannotNumberInAnotherDepartmentsNamespaceNorTellWhatIsTaken() {
        String missing = theirs + "-42/2012";
        List<String> answers = new ArrayList<>();
        for (String reference : List.of(theirFile, missing, theirFile.toUpperCase(Locale.ROOT), "  " + theirFile + " ",
                theirs + "-", theirs + "-41/2012a", "zz" + run + "-1/2026", "63-10/2025", mine.toUpperCase(Locale.ROOT)
                        .substring(0, 2) + "-1")) {
            answers.add(refused(createCaseFile(clerk, reference, mine), 400));
        }
        assertAllSame(answers);
        JsonObject problem = createCaseFile(clerk, theirFile, mine).json();
        ATTEMPTS.incrementAndGet();
        JsonObject error = problem.getJsonArray("errors").getJsonObject(0);
        assertEquals("fileReference", error.getString("field"));
        assertEquals("case files of department " + mine + " have references beginning with " + mine + "-",
                error.getString("message"), "names only the caller's own namespace");

        // naming their department instead: hidden reads like missing, for a taken and a free reference
        List<String> hiddenDepartment = new ArrayList<>();
        for (String department : List.of(theirs, "rx" + run)) {
            for (String reference : List.of(theirFile, missing)) {
                hiddenDepartment.add(refused(createCaseFile(clerk, reference, department), 400)
                        .replace(department, "DEPARTMENT"));
            }
        }
        assertAllSame(hiddenDepartment);

        List<String> scanners = new ArrayList<>();
        for (String reference : List.of(theirFile, missing)) {
            scanners.add(refused(createCaseFile(scanner, reference, mine), 403));
        }
        assertAllSame(scanners);

        // nothing was squatted: their numbering holds exactly their one case file
        ApiClient.Answer all = officer.get("/api/case-files?reference=" + q(theirs + "-"));
        assertEquals(1, all.json().getInt("total"), all::text);
        assertEquals(theirFile, all.json().getJsonArray("items").getJsonObject(0).getString("fileReference"));
        assertEquals(nothingFound(clerk.get("/api/case-files?reference=" + q(theirFile))),
                nothingFound(clerk.get("/api/case-files?reference=" + q(missing))));

        // within its own numbering the clerk learns only about its own department's files
        assertTrue(refused(createCaseFile(clerk, ownFile, mine), 409).contains("exists already"));
    }

    @Test
    void referencesTypedByAPersonAnswerTheSameBeforeAndAfterAHiddenCaseFileExists() {
        String later = theirs + "-77/2026";
        String never = theirs + "-78/2026";
        Map<String, Supplier<ApiClient.Answer>> attempts = attemptsWith(later);
        Map<String, Supplier<ApiClient.Answer>> control = attemptsWith(never);
        Map<String, String> before = new LinkedHashMap<>();
        attempts.forEach((name, attempt) -> before.put(name, failedClosed(attempt.get())));

        long hiddenId = open(theirClerk, later, theirs);
        ApiClient.Answer theirLetter = theirClerk.upload("/api/documents", fields("title", "Bescheid", "caseFile",
                later), "bescheid.txt", ("Bescheid Kanalsanierung " + later).getBytes(StandardCharsets.UTF_8));
        assertEquals(201, theirLetter.status(), theirLetter::text);
        long theirDocument = theirLetter.json().getJsonNumber("id").longValue();
        theirClerk.awaitDocument(theirDocument, d -> d.getString("status").equals("READY"), Duration.ofSeconds(60));
        theirClerk.awaitSearch("Bescheid Kanalsanierung", 1);

        attempts.forEach((name, attempt) -> assertEquals(before.get(name), failedClosed(attempt.get()),
                name + ": the answer changed once the hidden case file existed"));
        control.forEach((name, attempt) -> assertEquals(before.get(name),
                failedClosed(attempt.get()).replace(never, later), name + ": a hidden reference reads unlike a missing one"));

        // and nothing moved: the clerk's letter is where it was, theirs holds only their own document
        assertEquals(ownFile, clerk.get("/api/documents/" + ownDocument).json().getString("caseFile"));
        JsonObject hidden = theirClerk.get("/api/case-files/" + hiddenId).json();
        assertEquals(List.of(theirDocument), hidden.getJsonArray("documents").getValuesAs(JsonObject.class).stream()
                .map(d -> d.getJsonNumber("id").longValue()).toList());
        assertEquals(0, hidden.getJsonArray("processes").size());
        assertEquals(theirs, theirClerk.get("/api/documents/" + theirDocument).json().getString("department"));
    }

    /** Every place a clerk or scanner of A types a file reference, with the given one. */
    private static Map<String, Supplier<ApiClient.Answer>> attemptsWith(String reference) {
        Map<String, Supplier<ApiClient.Answer>> a = new LinkedHashMap<>();
        a.put("open it in the own department", () -> createCaseFile(clerk, reference, mine));
        a.put("open it in their department", () -> createCaseFile(clerk, reference, theirs));
        a.put("upload into it", () -> clerk.upload("/api/documents", fields("title", "x", "caseFile", reference),
                "x.txt", "x".getBytes(StandardCharsets.UTF_8)));
        a.put("upload into it naming the own department", () -> clerk.upload("/api/documents",
                fields("caseFile", reference, "department", mine), "x.txt", "x".getBytes(StandardCharsets.UTF_8)));
        a.put("upload into it naming their department", () -> clerk.upload("/api/documents",
                fields("caseFile", reference, "department", theirs), "x.txt", "x".getBytes(StandardCharsets.UTF_8)));
        a.put("scan into it", () -> scanner.upload("/api/documents", fields("caseFile", reference), "scan.txt",
                "scan".getBytes(StandardCharsets.UTF_8)));
        a.put("move the own letter into it", () -> clerk.patchJson("/api/documents/" + ownDocument,
                "{\"caseFile\":\"" + reference + "\"}"));
        a.put("move it with a new title", () -> clerk.patchJson("/api/documents/" + ownDocument,
                "{\"title\":\"Umgezogen\",\"caseFile\":\"" + reference + "\"}"));
        a.put("file the own letter into it", () -> clerk.postJson("/api/documents/" + ownDocument + "/filing",
                "{\"caseFile\":\"" + reference + "\"}"));
        a.put("file it naming the own department", () -> clerk.postJson("/api/documents/" + ownDocument + "/filing",
                "{\"caseFile\":\"" + reference + "\",\"department\":\"" + mine + "\",\"documentType\":\"Brief\"}"));
        a.put("scanner files into it", () -> scanner.postJson("/api/documents/" + ownDocument + "/filing",
                "{\"caseFile\":\"" + reference + "\"}"));
        a.put("look it up", () -> clerk.get("/api/case-files?reference=" + q(reference)));
        a.put("look it up in capitals", () -> clerk.get("/api/case-files?reference="
                + q(reference.toUpperCase(Locale.ROOT))));
        a.put("look up its beginning", () -> clerk.get("/api/case-files?reference="
                + q(reference.substring(0, reference.length() - 3))));
        a.put("scanner looks it up", () -> scanner.get("/api/case-files?reference=" + q(reference)));
        a.put("search in it", () -> clerk.get("/api/search?q=" + q("Bescheid") + "&caseFile=" + q(reference)));
        a.put("search for it", () -> clerk.get("/api/search?q=" + q(reference)));
        a.put("its destruction certificates", () -> clerk.get("/api/destruction-certificates?reference="
                + q(reference)));
        return a;
    }

    @Test
    void onlyAdministratorsSetNamespacesAndNoTwoOverlap() {
        List<String> clerks = new ArrayList<>();
        for (String code : List.of(mine, theirs, "rx" + run)) {
            clerks.add(refused(clerk.putJson("/api/departments/" + code, "{\"referencePrefixes\":[\"" + theirs
                    + "-\"]}"), 403));
            clerks.add(refused(officer.putJson("/api/departments/" + code, "{\"referencePrefixes\":[\"" + theirs
                    + "-\"]}"), 403));
        }
        refused(clerk.postJson("/api/departments", "{\"code\":\"rz" + run + "\",\"name\":\"Neu\","
                + "\"referencePrefixes\":[\"" + theirs + "-\"]}"), 403);
        assertAllSame(clerks);

        for (List<String> clash : List.of(List.of(theirs + "-"), List.of(theirs.toUpperCase(Locale.ROOT) + "-"),
                List.of(mine + "-", theirs + "-4"), List.of(theirs))) {
            String body = "{\"referencePrefixes\":" + json(clash) + "}";
            String answer = refused(ADMIN.putJson("/api/departments/" + mine, body), 409);
            assertTrue(answer.contains(theirs + "-") && answer.contains("department " + theirs), answer);
            refused(ADMIN.postJson("/api/departments", "{\"code\":\"rz" + run + "\",\"name\":\"Neu\","
                    + "\"referencePrefixes\":" + json(clash) + "}"), 409);
        }
        for (String bad : List.of("[]", "[\"\"]", "[\"-x\"]", "[\"a%\"]", "\"" + mine + "-\"")) {
            String answer = refused(ADMIN.putJson("/api/departments/" + mine, "{\"referencePrefixes\":" + bad + "}"),
                    400);
            assertFalse(answer.contains("Exception"), answer);
        }
        refused(ADMIN.putJson("/api/departments/rx" + run, "{\"name\":\"Niemand\"}"), 404);

        JsonObject own = ((JsonArray) clerk.get("/api/departments").structure()).getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("code").equals(mine)).findFirst().orElseThrow();
        assertEquals(List.of(mine + "-"), strings(own, "referencePrefixes"), "unchanged by all of the above");
    }

    @Test
    void recordsOfficersNumberWithinTheChosenDepartmentToo() {
        String clerksAnswer = refused(createCaseFile(clerk, theirFile, mine), 400);
        assertEquals(clerksAnswer, refused(createCaseFile(officer, theirFile, mine), 400),
                "their reference lies outside our numbering for everyone");
        assertTrue(refused(createCaseFile(officer, theirFile, theirs), 409).contains("exists already"),
                "records officers see every department, so a conflict may tell them");
        long placed = open(officer, mine + "-20/2026", mine);
        assertTrue(placed > 0);

        List<String> holds = new ArrayList<>();
        for (long target : List.of(theirFileId, 987_654_321L)) {
            holds.add(refused(clerk.postJson("/api/legal-holds", "{\"targetType\":\"CASE_FILE\",\"targetId\":" + target
                    + ",\"reason\":\"Klage\",\"reference\":\"" + theirFile + "\"}"), 403));
        }
        assertAllSame(holds);
    }

    private static String json(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }
}
