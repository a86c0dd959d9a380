package de.akte.web.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static de.akte.web.it.ApiClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Import batches belong to their owner, tried as an attacker would: a scanner of department A against a scanner
 * of B and against the hot folder's system batch. Opening under the other's key, reading items, failures, protocol
 * and progress by id enumeration, appending, completing, forcing a case file: every attempt must fail closed, with
 * an answer that cannot be told from the one for a batch that does not exist.
 */
class IsolationImportsIT {

    private static final ApiClient ADMIN = ApiClient.admin();
    private static final String PASSWORD = "isolation-imports-password";
    private static final Path HOT = Path.of(System.getProperty("akte.it.hotFolder", "target/it-data-hotfolder"));
    private static final AtomicInteger ATTEMPTS = new AtomicInteger();

    private static String run;
    private static Office a;
    private static Office b;
    private static ApiClient officer;
    /** B's completed batch, with a file in B's case file. */
    private static long batchOfB;
    private static String keyOfB;
    /** The hot folder's batch of today, holding a file of B's. */
    private static long hotBatch;
    private static String hotKey;
    private static String hotPath;

    private record Office(String department, String caseFile, String scannerName, ApiClient scanner, ApiClient clerk) {
    }

    @BeforeAll
    static void twoDepartmentsAndTheHotFolder() throws IOException {
        run = UUID.randomUUID().toString().substring(0, 6).replaceAll("[^a-z]", "q");
        a = office("isoa" + run);
        b = office("isob" + run);
        assertEquals(201, ADMIN.postJson("/api/users", "{\"username\":\"registratur." + run + "\",\"password\":\""
                + PASSWORD + "\",\"roles\":[\"RECORDS_OFFICER\"],\"departments\":[]}").status());
        officer = ApiClient.as("registratur." + run, PASSWORD);

        // B imports a file into its case file and completes the batch: items, failures and a protocol to covet
        keyOfB = "scans-" + run;
        batchOfB = openedId(b.scanner().postJson("/api/imports", "{\"key\":\"" + keyOfB
                + "\",\"source\":\"cli:scan-b:/scans\",\"caseFile\":\"" + b.caseFile() + "\"}"), 201);
        ApiClient.Answer item = b.scanner().upload("/api/imports/" + batchOfB + "/items",
                fields("path", "geheim/bauakte-b.pdf"), "bauakte-b.pdf", RecordStoreApiIT.pdf(
                        "Bauakte Rosengarten " + run));
        assertEquals(201, item.status(), item::text);
        assertEquals(400, b.scanner().upload("/api/imports/" + batchOfB + "/items", fields("path", "leer.pdf"),
                "leer.pdf", new byte[0]).status());
        assertEquals(200, b.scanner().post("/api/imports/" + batchOfB + "/complete").status());

        // A squats today's and tomorrow's hot-folder keys first, naming its own case file
        LocalDate today = LocalDate.now();
        hotKey = "hotfolder-" + today;
        for (LocalDate day : List.of(today, today.plusDays(1))) {
            ApiClient.Answer squat = a.scanner().postJson("/api/imports", "{\"key\":\"hotfolder-" + day
                    + "\",\"source\":\"squat\",\"caseFile\":\"" + a.caseFile() + "\"}");
            assertTrue(squat.status() == 201 || squat.status() == 200, squat::text);
            assertEquals(a.scannerName(), squat.json().getString("owner"));
        }

        // then the hot folder takes in a file for B
        String name = "posteingang-" + run + ".pdf";
        Path dropped = Files.createDirectories(HOT.resolve(b.department())).resolve(name);
        Files.write(dropped, RecordStoreApiIT.pdf("Eingang Heckenschere " + run));
        awaitFile(HOT.resolve("done").resolve(b.department()).resolve(name));
        hotPath = b.department() + "/" + name;
        hotBatch = hotFolderBatchHolding(hotPath);
    }

    private static Office office(String department) {
        assertEquals(201, ADMIN.postJson("/api/departments", "{\"code\":\"" + department + "\",\"name\":\"Amt "
                + department + "\"}").status());
        String scanner = "scan." + department;
        String clerk = "clerk." + department;
        assertEquals(201, ADMIN.postJson("/api/users", "{\"username\":\"" + scanner + "\",\"password\":\"" + PASSWORD
                + "\",\"roles\":[\"SCANNER\"],\"departments\":[\"" + department + "\"]}").status());
        assertEquals(201, ADMIN.postJson("/api/users", "{\"username\":\"" + clerk + "\",\"password\":\"" + PASSWORD
                + "\",\"roles\":[\"CLERK\"],\"departments\":[\"" + department + "\"]}").status());
        // in the department's own numbering (its code followed by "-")
        String caseFile = department + "-" + ThreadLocalRandom.current().nextInt(1000, 9999) + "/2026";
        assertEquals(201, ADMIN.postJson("/api/case-files", "{\"fileReference\":\"" + caseFile
                + "\",\"title\":\"Akte " + department + "\",\"department\":\"" + department + "\"}").status());
        return new Office(department, caseFile, scanner, ApiClient.as(scanner, PASSWORD),
                ApiClient.as(clerk, PASSWORD));
    }

    @Test
    void anotherOwnersKeyOpensOnesOwnFreshBatch() {
        for (String key : List.of(keyOfB, hotKey)) {
            ApiClient.Answer opened = a.scanner().postJson("/api/imports", "{\"key\":\"" + key
                    + "\",\"source\":\"cli:scan-a:/x\"}");
            refused(opened.status() == 200 || opened.status() == 201, "open " + key + ": " + opened.text());
            JsonObject batch = opened.json();
            refused(batch.getJsonNumber("id").longValue() != batchOfB && batch.getJsonNumber("id").longValue() != hotBatch,
                    "opening " + key + " gave A someone else's batch: " + batch);
            refused(batch.getInt("received") == 0 && a.scannerName().equals(batch.getString("owner")), batch.toString());
        }
        // and the hot folder went on filling its own batch, into B, not into the case file A named under its key
        JsonObject hotItem = ADMIN.get("/api/imports/" + hotBatch + "/items?size=1000").json().getJsonArray("items")
                .stream().map(JsonObject.class::cast).filter(i -> i.getString("path").startsWith(hotPath))
                .findFirst().orElseThrow();
        JsonObject document = ADMIN.get("/api/documents/" + hotItem.getJsonNumber("documentId").longValue()).json();
        assertEquals(b.department(), document.getString("department"), document::toString);
        refused(document.isNull("caseFile") || !a.caseFile().equals(document.getString("caseFile")),
                "the hot folder's file was forced into A's case file: " + document);
        for (JsonObject mine : list(a.scanner())) {
            if (mine.getString("key").startsWith("hotfolder-")) {
                refused(mine.getInt("received") == 0, "the hot folder handed a file into A's batch: " + mine);
            }
        }
    }

    @Test
    void everyReadAndWriteOfAnotherOwnersBatchAnswersLikeAMissingOne() throws IOException {
        long missing = newestId() + 1_000_000;
        byte[] pdf = RecordStoreApiIT.pdf("Untergeschoben " + run);
        List<Function<Long, ApiClient.Answer>> asA = attempts(a, pdf);
        List<Function<Long, ApiClient.Answer>> asB = attempts(b, pdf);
        long batchOfA = openedId(a.scanner().postJson("/api/imports", "{\"key\":\"own-" + run
                + "\",\"source\":\"cli:scan-a:/own\"}"), 201);
        for (Function<Long, ApiClient.Answer> attempt : asA) {
            ApiClient.Answer absent = attempt.apply(missing);
            assertEquals(404, absent.status(), absent::text);
            sameAsMissing(attempt.apply(batchOfB), batchOfB, absent, missing);
            sameAsMissing(attempt.apply(hotBatch), hotBatch, absent, missing);
        }
        for (Function<Long, ApiClient.Answer> attempt : asB) {
            sameAsMissing(attempt.apply(batchOfA), batchOfA, attempt.apply(missing), missing);
            sameAsMissing(attempt.apply(hotBatch), hotBatch, attempt.apply(missing), missing);
        }
        // an administrator reads the hot folder's batch, but appends to and completes only their own
        assertEquals(200, ADMIN.get("/api/imports/" + hotBatch + "/protocol").status());
        sameAsMissing(ADMIN.upload("/api/imports/" + hotBatch + "/items", fields("path", "admin.pdf",
                "department", b.department()), "admin.pdf", pdf), hotBatch, ADMIN.upload("/api/imports/" + missing
                + "/items", fields("path", "admin.pdf", "department", b.department()), "admin.pdf", pdf), missing);
        sameAsMissing(ADMIN.post("/api/imports/" + hotBatch + "/complete"), hotBatch,
                ADMIN.post("/api/imports/" + missing + "/complete"), missing);

        JsonObject stillB = b.scanner().get("/api/imports/" + batchOfB).json();
        assertEquals(2, stillB.getInt("received"), "nothing was appended to B's batch: " + stillB);
        JsonObject stillHot = ADMIN.get("/api/imports/" + hotBatch).json();
        assertEquals("IMPORTING", stillHot.getString("state"));
        assertTrue(ADMIN.get("/api/imports/" + hotBatch + "/items?size=1000").text().indexOf("admin.pdf") < 0);
    }

    private static List<Function<Long, ApiClient.Answer>> attempts(Office attacker, byte[] pdf) {
        ApiClient s = attacker.scanner();
        return List.of(
                id -> s.get("/api/imports/" + id),
                id -> s.get("/api/imports/" + id + "/items"),
                id -> s.get("/api/imports/" + id + "/items?state=IMPORTED&size=1000"),
                id -> s.get("/api/imports/" + id + "/failures"),
                id -> s.get("/api/imports/" + id + "/protocol"),
                id -> s.get("/api/imports/" + id + "/protocol?format=csv"),
                id -> s.upload("/api/imports/" + id + "/items", fields("path", "untergeschoben.pdf",
                        "caseFile", attacker.caseFile()), "untergeschoben.pdf", pdf),
                id -> s.post("/api/imports/" + id + "/complete"));
    }

    @Test
    void enumeratingBatchIdsFindsNothingButOnesOwn() {
        Set<Long> own = list(a.scanner()).stream().map(p -> p.getJsonNumber("id").longValue())
                .collect(Collectors.toSet());
        long missing = newestId() + 1_000_000;
        Map<String, ApiClient.Answer> absent = Map.of(
                "", a.scanner().get("/api/imports/" + missing),
                "/items", a.scanner().get("/api/imports/" + missing + "/items"),
                "/protocol", a.scanner().get("/api/imports/" + missing + "/protocol"));
        for (long id = 1; id <= newestId() + 2; id++) {
            if (own.contains(id)) {
                continue;
            }
            for (Map.Entry<String, ApiClient.Answer> path : absent.entrySet()) {
                sameAsMissing(a.scanner().get("/api/imports/" + id + path.getKey()), id, path.getValue(), missing);
            }
        }
        List<JsonObject> listed = list(a.scanner());
        refused(listed.stream().allMatch(p -> a.scannerName().equals(p.getString("owner"))),
                "A's list shows others' batches: " + listed);
        refused(list(b.scanner()).stream().allMatch(p -> b.scannerName().equals(p.getString("owner"))),
                "B's list shows others' batches");
    }

    @Test
    void referencesAndDepartmentsOutOfReachFailLikeMissingOnes() throws IOException {
        long batchOfA = openedId(a.scanner().postJson("/api/imports", "{\"key\":\"refs-" + run
                + "\",\"source\":\"cli:scan-a:/refs\"}"), 201);
        byte[] pdf = RecordStoreApiIT.pdf("Zuordnungsversuch " + run);
        String nowhere = "98-9898/1998";
        String noDepartment = "nirgends" + run;
        // a manifest row naming B's case file, or B's department
        sameAs(a.scanner().upload("/api/imports/" + batchOfA + "/items", fields("path", "x1.pdf", "caseFile",
                        b.caseFile()), "x1.pdf", pdf), b.caseFile(),
                a.scanner().upload("/api/imports/" + batchOfA + "/items", fields("path", "x1.pdf", "caseFile",
                        nowhere), "x1.pdf", pdf), nowhere);
        sameAs(a.scanner().upload("/api/imports/" + batchOfA + "/items", fields("path", "x2.pdf", "department",
                        b.department()), "x2.pdf", pdf), b.department(),
                a.scanner().upload("/api/imports/" + batchOfA + "/items", fields("path", "x2.pdf", "department",
                        noDepartment), "x2.pdf", pdf), noDepartment);
        // the batch itself naming them
        sameAs(a.scanner().postJson("/api/imports", "{\"key\":\"r1-" + run + "\",\"source\":\"s\",\"caseFile\":\""
                        + b.caseFile() + "\"}"), b.caseFile(),
                a.scanner().postJson("/api/imports", "{\"key\":\"r2-" + run + "\",\"source\":\"s\",\"caseFile\":\""
                        + nowhere + "\"}"), nowhere);
        sameAs(a.scanner().postJson("/api/imports", "{\"key\":\"r3-" + run + "\",\"source\":\"s\",\"department\":\""
                        + b.department() + "\"}"), b.department(),
                a.scanner().postJson("/api/imports", "{\"key\":\"r4-" + run + "\",\"source\":\"s\",\"department\":\""
                        + noDepartment + "\"}"), noDepartment);
        // and the failures say the same of both
        List<JsonObject> failures = a.scanner().get("/api/imports/" + batchOfA + "/failures").structure().asJsonArray()
                .stream().map(JsonObject.class::cast).toList();
        assertEquals(2, failures.size(), failures::toString);
        refused(failures.stream().allMatch(f -> f.isNull("documentId")), failures.toString());
        assertEquals(0, b.clerk().get("/api/search?q=" + ApiClient.q("Zuordnungsversuch " + run)).json()
                .getInt("total"));
    }

    @Test
    void aProtocolNamesOnlyWhatItsReadersMayOpen() throws IOException {
        String both = "scan.ab." + run;
        assertEquals(201, ADMIN.postJson("/api/users", "{\"username\":\"" + both + "\",\"password\":\"" + PASSWORD
                + "\",\"roles\":[\"SCANNER\"],\"departments\":[\"" + a.department() + "\",\"" + b.department()
                + "\"]}").status());
        ApiClient scanner = ApiClient.as(both, PASSWORD);
        long batch = openedId(scanner.postJson("/api/imports", "{\"key\":\"ab-" + run
                + "\",\"source\":\"cli:scan-ab:/gemischt\"}"), 201);
        assertEquals(201, scanner.upload("/api/imports/" + batch + "/items", fields("path", "fuer-a/akte-a.pdf",
                "caseFile", a.caseFile()), "akte-a.pdf", RecordStoreApiIT.pdf("Gartenzaun " + run)).status());
        assertEquals(201, scanner.upload("/api/imports/" + batch + "/items", fields("path", "fuer-b/geheim-b.pdf",
                "department", b.department()), "geheim-b.pdf", RecordStoreApiIT.pdf("Dachrinne " + run)).status());

        JsonObject done = scanner.post("/api/imports/" + batch + "/complete").json();

        List<Long> protocols = done.getJsonArray("protocolDocumentIds").stream()
                .map(v -> ((jakarta.json.JsonNumber) v).longValue()).toList();
        assertEquals(2, protocols.size(), done::toString);
        long forA = -1;
        long forB = -1;
        for (long id : protocols) {
            String department = ADMIN.get("/api/documents/" + id).json().getString("department");
            if (department.equals(a.department())) {
                forA = id;
            } else if (department.equals(b.department())) {
                forB = id;
            }
        }
        assertTrue(forA > 0 && forB > 0, protocols::toString);
        // the protocol is a document like any other: readable once the malware scan has passed it
        ADMIN.awaitDocument(forA, d -> d.getString("status").equals("READY"), java.time.Duration.ofSeconds(60));
        ApiClient.Answer readable = a.clerk().get("/api/documents/" + forA + "/versions/1/content");
        assertEquals(200, readable.status());
        refused(readable.text().contains("akte-a.pdf") && !readable.text().contains("geheim-b.pdf"),
                "A's protocol names B's file: " + readable.text());
        long missingDocument = forB + 1_000_000;
        ApiClient.Answer hidden = a.clerk().get("/api/documents/" + forB);
        sameAsMissing(hidden, forB, a.clerk().get("/api/documents/" + missingDocument), missingDocument);
        sameAsMissing(a.clerk().get("/api/documents/" + forB + "/versions/1/content"), forB,
                a.clerk().get("/api/documents/" + missingDocument + "/versions/1/content"), missingDocument);
    }

    @Test
    void aServerSideImportIsTheSystemsBatchWithinItsDepartment() throws IOException {
        Path folder = Files.createDirectories(HOT.resolveSibling("server-import-" + run));
        Files.write(folder.resolve("keller-1.pdf"), RecordStoreApiIT.pdf("Kellerfund Gasleitung " + run));
        ApiClient.Answer opened = ADMIN.postJson("/api/imports", "{\"serverPath\":\"" + folder.toAbsolutePath()
                + "\",\"department\":\"" + a.department() + "\"}");
        long batch = openedId(opened, 201);
        assertEquals("system:server-import", opened.json().getString("owner"));
        assertEquals("admin", opened.json().getString("createdBy"));
        JsonObject done = awaitState(batch, "COMPLETED");
        assertEquals(1, done.getInt("done"), done::toString);
        long protocol = done.getJsonNumber("protocolDocumentId").longValue();
        assertEquals(a.department(), a.clerk().get("/api/documents/" + protocol).json().getString("department"));

        // scanners of A, whose department it files into, still do not read the system's batch
        long missing = newestId() + 1_000_000;
        for (Function<Long, ApiClient.Answer> attempt : attempts(a, RecordStoreApiIT.pdf("Nachschub " + run))) {
            sameAsMissing(attempt.apply(batch), batch, attempt.apply(missing), missing);
        }
        ApiClient.Answer sameKey = a.scanner().postJson("/api/imports", "{\"key\":\"server:" + folder.toAbsolutePath()
                + "\",\"source\":\"cli:scan-a:/keller\"}");
        refused(sameKey.status() == 201 && sameKey.json().getJsonNumber("id").longValue() != batch,
                "A opened the server import's batch under its key: " + sameKey.text());
        // an administrator asking again for the same folder continues the system's batch
        assertEquals(batch, openedId(ADMIN.postJson("/api/imports", "{\"serverPath\":\"" + folder.toAbsolutePath()
                + "\",\"department\":\"" + a.department() + "\"}"), 200));
        ApiClient.Answer nowhere = ADMIN.postJson("/api/imports", "{\"serverPath\":\"" + folder.toAbsolutePath()
                + "\",\"key\":\"ohne-" + run + "\"}");
        assertEquals(400, nowhere.status(), "a server-side import names its department: " + nowhere.text());
    }

    private static JsonObject awaitState(long batch, String state) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        JsonObject last = null;
        while (Instant.now().isBefore(deadline)) {
            last = ADMIN.get("/api/imports/" + batch).json();
            if (state.equals(last.getString("state"))) {
                return last;
            }
            pause(250);
        }
        throw new AssertionError("import " + batch + " did not reach " + state + ": " + last);
    }

    @Test
    void onlyScanningStaffAndAdministratorsUseImports() {
        long missing = newestId() + 1_000_000;
        for (ApiClient outsider : List.of(officer, a.clerk())) {
            refused(outsider.get("/api/imports").status() == 403, "listing imports without the role");
            ApiClient.Answer hidden = outsider.get("/api/imports/" + batchOfB + "/protocol");
            ApiClient.Answer absent = outsider.get("/api/imports/" + missing + "/protocol");
            refused(hidden.status() == 403, "reading a protocol without the role: " + hidden.text());
            assertEquals(absent.text(), hidden.text(), "the role check comes first, whatever the batch");
        }
        refused(a.scanner().postJson("/api/imports", "{\"serverPath\":\"" + HOT.toAbsolutePath() + "\"}").status()
                == 403, "a scanner starting a server-side import");
    }

    // --- helpers ---

    private static long hotFolderBatchHolding(String path) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            for (JsonObject batch : list(ADMIN)) {
                if ("system:hot-folder".equals(batch.getString("owner", ""))) {
                    long id = batch.getJsonNumber("id").longValue();
                    if (ADMIN.get("/api/imports/" + id + "/items?size=1000").text().contains("\"" + path + " #")) {
                        return id;
                    }
                }
            }
            pause(250);
        }
        throw new AssertionError("no hot-folder batch holds " + path);
    }

    private static List<JsonObject> list(ApiClient client) {
        ApiClient.Answer answer = client.get("/api/imports?size=200");
        assertEquals(200, answer.status(), answer::text);
        return answer.structure().asJsonArray().stream().map(JsonObject.class::cast).toList();
    }

    private static long newestId() {
        return list(ADMIN).stream().mapToLong(p -> p.getJsonNumber("id").longValue()).max().orElse(0);
    }

    private static long openedId(ApiClient.Answer answer, int status) {
        assertEquals(status, answer.status(), answer::text);
        return answer.json().getJsonNumber("id").longValue();
    }

    /** One attempt failed closed: counted, and asserted. */
    private static void refused(boolean failedClosed, String what) {
        ATTEMPTS.incrementAndGet();
        assertTrue(failedClosed, what);
    }

    /** The answer about a hidden batch or document is the one about a missing id, but for the id itself. */
    private static void sameAsMissing(ApiClient.Answer hidden, long hiddenId, ApiClient.Answer missing, long missingId) {
        sameAs(hidden, Long.toString(hiddenId), missing, Long.toString(missingId));
    }

    /** The answer about a hidden thing is the one about a missing thing, but for the name that was asked for. */
    private static void sameAs(ApiClient.Answer hidden, String hiddenName, ApiClient.Answer missing,
                               String missingName) {
        refused(hidden.status() == missing.status() && hidden.status() >= 400,
                "status " + hidden.status() + " for the hidden, " + missing.status() + " for the missing: "
                        + hidden.text());
        assertEquals(missing.header("Content-Type"), hidden.header("Content-Type"));
        assertEquals(blank(missing.text(), missingName), blank(hidden.text(), hiddenName));
    }

    private static String blank(String body, String name) {
        return body.replaceAll("(?<![0-9A-Za-z])" + Pattern.quote(name) + "(?![0-9A-Za-z])", "<x>");
    }

    private static void awaitFile(Path file) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(file)) {
                return;
            }
            pause(250);
        }
        throw new AssertionError(file + " did not appear within a minute");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterAll
    static void count() {
        System.out.println("IsolationImportsIT: " + ATTEMPTS.get() + " attempts, all refused");
    }
}
