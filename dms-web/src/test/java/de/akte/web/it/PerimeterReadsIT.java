package de.akte.web.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static de.akte.web.it.ApiClient.fields;
import static de.akte.web.it.ApiClient.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The perimeter of reading: page images within pixel limits, server-side imports only below the import roots,
 * reads and searches in the audit trail, and an import protocol no free text can forge.
 */
class PerimeterReadsIT {

    private static final String PASSWORD = "it-password-123";
    private static final ApiClient ADMIN = ApiClient.admin();
    /** Below the server's AKTE_IMPORT_ROOTS (the build directory). */
    private static final Path ROOT = Path.of(System.getProperty("akte.it.workDir", "target")).toAbsolutePath();
    private static String run;
    private static String department;
    private static String clerkName;
    private static ApiClient clerk;
    private static ApiClient scanner;
    /** Reads only in the audit test, so that its period holds all of their reads and nothing before. */
    private static String readerName;
    private static ApiClient reader;

    @BeforeAll
    static void organisation() {
        run = UUID.randomUUID().toString().substring(0, 6);
        department = "per" + run;
        assertEquals(201, ADMIN.postJson("/api/departments", "{\"code\":\"" + department
                + "\",\"name\":\"Perimeter\"}").status());
        clerkName = "per.clerk." + run;
        user(clerkName, "CLERK");
        user("per.scan." + run, "SCANNER");
        clerk = ApiClient.as(clerkName, PASSWORD);
        scanner = ApiClient.as("per.scan." + run, PASSWORD);
        readerName = "per.reader." + run;
        user(readerName, "CLERK");
        reader = ApiClient.as(readerName, PASSWORD);
    }

    private static void user(String name, String role) {
        ApiClient.Answer a = ADMIN.postJson("/api/users", "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD
                + "\",\"roles\":[\"" + role + "\"],\"departments\":[\"" + department + "\"]}");
        assertEquals(201, a.status(), a::text);
    }

    private static long upload(String title, byte[] pdf) {
        ApiClient.Answer created = clerk.upload("/api/documents", fields("title", title, "department", department),
                title + ".pdf", pdf);
        assertEquals(201, created.status(), created::text);
        long id = created.json().getJsonNumber("id").longValue();
        clerk.awaitDocument(id, d -> "READY".equals(d.getString("status")), Duration.ofSeconds(90));
        return id;
    }

    @Test
    void giantPageRequestsAreRefusedWithReasonAndWidthsAreRoundedToServedOnes() throws IOException {
        long normal = upload("Seite " + run, pdf(new PDRectangle(595, 842), "Gewöhnliche Seite " + run));
        // a strip 1:70, as long as PDF pages get: at 4000 pixels wide it would be 4000 × 280000
        long strip = upload("Streifen " + run, pdf(new PDRectangle(200, 14_000), "Kassenstreifen " + run));

        ApiClient.Answer giant = clerk.get("/api/documents/" + normal + "/pages/1/image?width=100000");
        assertEquals(400, giant.status(), giant::text);
        assertTrue(giant.text().contains("wider than the widest page image"), giant.text());
        ApiClient.Answer tooLong = clerk.get("/api/documents/" + strip + "/pages/1/image?width=4000");
        assertEquals(422, tooLong.status(), tooLong::text);
        // the reason names the limit, and either a width that would fit or that the page is too long for any
        assertTrue(tooLong.text().contains("megapixels") && (tooLong.text().contains("ask for a width of at most")
                || tooLong.text().contains("too long to be shown as one image")), tooLong.text());

        ApiClient.Answer snapped = clerk.get("/api/documents/" + normal + "/pages/1/image?width=170");
        assertEquals(200, snapped.status(), snapped::text);
        assertEquals(320, ImageIO.read(new ByteArrayInputStream(snapped.bytes())).getWidth());
        ApiClient.Answer thin = clerk.get("/api/documents/" + strip + "/pages/1/image?width=160");
        assertEquals(200, thin.status(), thin::text);
    }

    @Test
    void serverImportsOutsideTheRootsOrThroughLinksOutOfThemAreRefusedWithReason() throws IOException {
        Path outside = Files.createTempDirectory("akte-outside-");
        Files.write(outside.resolve("geheim.pdf"), RecordStoreApiIT.pdf("Geheimakte " + run));
        ApiClient.Answer far = ADMIN.postJson("/api/imports", serverImport(outside));
        assertEquals(400, far.status(), far::text);
        assertTrue(far.text().contains("outside the folders"), far.text());

        Path linkedFolder = Files.createSymbolicLink(ROOT.resolve("perimeter-link-" + run), outside);
        ApiClient.Answer throughLink = ADMIN.postJson("/api/imports", serverImport(linkedFolder));
        assertEquals(400, throughLink.status(), throughLink::text);
        assertTrue(throughLink.text().contains("symbolic link"), throughLink.text());

        Path folder = Files.createDirectories(ROOT.resolve("perimeter-import-" + run));
        Files.write(folder.resolve("akte.pdf"), RecordStoreApiIT.pdf("Erlaubte Akte " + run));
        Files.createSymbolicLink(folder.resolve("passwort.pdf"), outside.resolve("geheim.pdf"));
        Files.createSymbolicLink(folder.resolve("keller"), outside);
        ApiClient.Answer opened = ADMIN.postJson("/api/imports", serverImport(folder));
        assertEquals(201, opened.status(), opened::text);
        long batch = opened.json().getJsonNumber("id").longValue();
        JsonObject done = awaitCompleted(batch);
        assertEquals(1, done.getInt("done"), done::toString);
        JsonArray failures = (JsonArray) ADMIN.get("/api/imports/" + batch + "/failures").structure();
        Set<String> refused = failures.stream().map(v -> ((JsonObject) v).getString("path") + ": "
                + ((JsonObject) v).getString("reason")).collect(Collectors.toSet());
        assertEquals(Set.of("keller: refused: a symbolic link leading outside the folders server-side imports may read",
                "passwort.pdf: refused: a symbolic link leading outside the folders server-side imports may read"),
                refused);
        assertEquals(0, clerk.awaitSearch("Geheimakte " + run, 0).getInt("total"));
    }

    @Test
    void zipBombsAndZipsWithTooManyEntriesAreRefusedWithReason() throws IOException {
        Path bomb = ROOT.resolve("perimeter-bomb-" + run + ".zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.putNextEntry(new ZipEntry("nullen.pdf"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        ApiClient.Answer refusedBomb = ADMIN.postJson("/api/imports", serverImport(bomb));
        assertEquals(400, refusedBomb.status(), refusedBomb::text);
        assertTrue(refusedBomb.text().contains("ZIP bomb"), refusedBomb.text());

        Path many = ROOT.resolve("perimeter-many-" + run + ".zip");
        try (OutputStream out = Files.newOutputStream(many); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i <= 10_000; i++) {
                zip.putNextEntry(new ZipEntry("f" + i + ".pdf"));
                zip.write(i & 0xff);
                zip.closeEntry();
            }
        }
        ApiClient.Answer refusedMany = ADMIN.postJson("/api/imports", serverImport(many));
        assertEquals(400, refusedMany.status(), refusedMany::text);
        assertTrue(refusedMany.text().contains("more than 10000 entries"), refusedMany.text());
    }

    @Test
    void readsAndSearchesLeaveAuditEntriesThatAnAdministratorFindsByUserAndPeriod() throws IOException {
        String word = "Fundstelle" + run;
        Instant start = Instant.now().minusSeconds(1);
        long id = upload("Auskunft " + run, pdf(new PDRectangle(595, 842), word + " Grundsteuerbescheid"));

        assertEquals(200, reader.get("/api/documents/" + id).status());
        assertEquals(200, reader.get("/api/documents/" + id + "/text").status());
        for (int i = 0; i < 3; i++) {
            assertEquals(200, reader.get("/api/documents/" + id + "/pages/1/image?width=160").status());
        }
        assertEquals(200, reader.get("/api/documents/" + id + "/pages/1/hits?q=" + q(word)).status());
        assertEquals(1, reader.awaitSearch(word, 1).getInt("total"));

        JsonObject page = ADMIN.get("/api/admin/audit?user=" + q(readerName) + "&from=" + q(start.toString())
                + "&size=200").json();
        List<String> entries = new ArrayList<>();
        for (JsonObject e : page.getJsonArray("items").getValuesAs(JsonObject.class)) {
            assertEquals(readerName, e.getString("actor"));
            entries.add(e.getString("action") + " " + e.getString("targetType") + " " + e.getString("targetId")
                    + " " + e.getString("details"));
        }
        String all = String.join("\n", entries);
        assertTrue(all.contains("READ_METADATA document " + id), all);
        assertTrue(all.contains("READ_CONTENT document " + id + " version=1; text"), all);
        assertTrue(all.contains("READ_CONTENT document " + id + " version=1; page 1 hits"), all);
        assertTrue(all.contains("SEARCH search " + word + " q=" + word), all);
        assertEquals(1, entries.stream().filter(e -> e.contains(" page 1 image")).count(),
                "three page images within the window are one entry: " + all);
        assertEquals(page.getJsonArray("items").size(), page.getInt("total"));

        JsonObject paged = ADMIN.get("/api/admin/audit?user=" + q(readerName) + "&from=" + q(start.toString())
                + "&size=2&page=1").json();
        assertEquals(2, paged.getJsonArray("items").size());
        assertEquals(page.getInt("total"), paged.getInt("total"));
        JsonObject before = ADMIN.get("/api/admin/audit?user=" + q(readerName) + "&to=" + q(start.toString())).json();
        assertEquals(0, before.getInt("total"), before::toString);
        ApiClient.Answer badTime = ADMIN.get("/api/admin/audit?user=x&from=gestern");
        assertEquals(400, badTime.status(), badTime::text);
        assertEquals(403, reader.get("/api/admin/audit?user=" + q(readerName)).status());
        // who may not read the trail is refused before the request is judged: no 400 tells them what it checks
        for (String malformed : List.of("user=x&from=gestern", "user=x&to=morgen", "user=x&size=viele",
                "user=x&page=-1", "targetType=document&targetId=1&size=0", "size=abc")) {
            ApiClient.Answer refused = reader.get("/api/admin/audit?" + malformed);
            assertEquals(403, refused.status(), malformed + ": " + refused.text());
            ApiClient.Answer judged = ADMIN.get("/api/admin/audit?" + malformed);
            assertEquals(400, judged.status(), malformed + ": " + judged.text());
            assertTrue(judged.text().contains("must") || judged.text().contains("name a user"), judged::text);
        }
        assertTrue(ADMIN.get("/api/admin/audit/verify").json().getBoolean("intact"));
    }

    @Test
    void importProtocolCsvKeepsHostileScannedByInOneNeutralisedCell() throws IOException {
        String hostile = "Scan\"\n=cmd|' /C calc'!A0;x";
        ApiClient.Answer opened = scanner.postJson("/api/imports", "{\"key\":\"perimeter-" + run
                + "\",\"source\":\"cli:perimeter\",\"department\":\"" + department + "\",\"scannedBy\":\""
                + hostile.replace("\"", "\\\"").replace("\n", "\\n") + "\"}");
        assertEquals(201, opened.status(), opened::text);
        long batch = opened.json().getJsonNumber("id").longValue();
        ApiClient.Answer item = scanner.upload("/api/imports/" + batch + "/items", fields("path", "+SUM(1).pdf"),
                "+SUM(1).pdf", RecordStoreApiIT.pdf("Protokollprobe " + run));
        assertTrue(item.status() == 201 || item.status() == 200, item::text);
        assertEquals(200, scanner.post("/api/imports/" + batch + "/complete").status());

        String csv = scanner.get("/api/imports/" + batch + "/protocol?format=csv").text();

        List<List<String>> records = rfc4180(csv);
        assertTrue(records.contains(List.of("# scanned by: " + hostile.replace('\n', ' '))), csv);
        assertFalse(csv.lines().anyMatch(line -> line.startsWith("=")), csv);
        List<String> row = records.get(records.size() - 1);
        assertEquals("'+SUM(1).pdf", row.get(0), csv);
        assertEquals(8, row.size(), csv);
    }

    private static String serverImport(Path path) {
        return "{\"serverPath\":\"" + path + "\",\"department\":\"" + department + "\"}";
    }

    private static JsonObject awaitCompleted(long batch) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        JsonObject last = null;
        while (Instant.now().isBefore(deadline)) {
            last = ADMIN.get("/api/imports/" + batch).json();
            if ("COMPLETED".equals(last.getString("state"))) {
                return last;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("import " + batch + " did not complete: " + last);
    }

    private static byte[] pdf(PDRectangle size, String text) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(size);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
                cs.newLineAtOffset(10, size.getHeight() - 40);
                cs.showText(text + " mit genug Text, damit keine Texterkennung nötig ist");
                cs.endText();
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** Reads CSV as RFC 4180 (with semicolons) defines it, as a spreadsheet does. */
    private static List<List<String>> rfc4180(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ';') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return records;
    }
}
