package de.akte.web.it;

import jakarta.json.JsonObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server-side import of 1,200 pages, with the server killed by SIGKILL in the middle and started again: the
 * job continues, and every file becomes exactly one document — nothing lost, nothing doubled.
 */
class ImportCrashIT {

    private static final int FILES = 300;
    private static final int PAGES_PER_FILE = 4;
    private static final String PASSWORD = "crash-admin-password";

    @Test
    void killNineInTheMiddleOfAnImportLosesNothingAndDoublesNothing() throws IOException {
        Path work = Path.of(System.getProperty("akte.it.workDir", "target"));
        Path home = Path.of(System.getProperty("akte.it.serverHome", "target/server"));
        String run = UUID.randomUUID().toString().substring(0, 6);
        Path data = work.resolve("crash-data-" + run);
        Path source = Files.createDirectories(work.resolve("crash-source-" + run));
        for (int file = 1; file <= FILES; file++) {
            writePdf(source.resolve("kiste-" + (file / 100) + "/akte-" + file + ".pdf"), run, file);
        }
        Map<String, String> env = Map.of("AKTE_DATA_DIR", data.toString(), "AKTE_ADMIN_PASSWORD", PASSWORD,
                "AKTE_PASSWORD_ITERATIONS", "1000", "AKTE_IMPORT_ROOTS", work.toAbsolutePath().toString(),
                "JAVA_OPTS", "-Xmx1g -Djava.net.preferIPv4Stack=true");
        try (ServerProcess server = new ServerProcess(home, work, "crash-server", 300, env)) {
            server.start();
            ApiClient admin = ApiClient.at(server.baseUrl(), "admin", PASSWORD);
            assertEquals(201, admin.postJson("/api/departments", "{\"code\":\"kiste\",\"name\":\"Altaktenkeller\"}")
                    .status());
            ApiClient.Answer opened = admin.postJson("/api/imports", "{\"serverPath\":\"" + source
                    + "\",\"department\":\"kiste\",\"scannedBy\":\"Scanstelle Keller\"}");
            assertEquals(201, opened.status(), opened::text);
            long batch = opened.json().getJsonNumber("id").longValue();

            long atKill = awaitReceived(admin, batch, 40);
            server.kill();
            assertTrue(atKill < FILES, "the import must still be running when the server is killed");

            server.start();
            JsonObject done = awaitCompleted(admin, batch);
            assertEquals(FILES, done.getInt("received"), done::toString);
            assertEquals(FILES, done.getInt("done"), done::toString);
            assertEquals(0, done.getInt("failed"), done::toString);
            assertEquals(0, done.getInt("duplicates"), done::toString);
            assertEquals(FILES * PAGES_PER_FILE, done.getInt("pages"), done::toString);

            Set<Long> documents = new HashSet<>();
            for (int page = 0; page * 500 < FILES; page++) {
                admin.get("/api/imports/" + batch + "/items?size=500&page=" + page).json().getJsonArray("items")
                        .forEach(item -> {
                            JsonObject i = (JsonObject) item;
                            assertEquals("IMPORTED", i.getString("state"), i::toString);
                            documents.add(i.getJsonNumber("documentId").longValue());
                        });
            }
            assertEquals(FILES, documents.size(), "one document per file");
            JsonObject all = admin.awaitSearch("Kistenimport" + run, FILES);
            assertEquals(FILES, all.getInt("total"), "no document twice in the index");
        }
    }

    private static long awaitReceived(ApiClient admin, long batch, int atLeast) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            JsonObject progress = admin.get("/api/imports/" + batch).json();
            if (progress.getInt("received") >= atLeast) {
                return progress.getInt("received");
            }
            pause(50);
        }
        throw new AssertionError("the import did not get going");
    }

    private static JsonObject awaitCompleted(ApiClient admin, long batch) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(6));
        JsonObject last = null;
        while (Instant.now().isBefore(deadline)) {
            last = admin.get("/api/imports/" + batch).json();
            if ("COMPLETED".equals(last.getString("state"))) {
                return last;
            }
            pause(500);
        }
        throw new AssertionError("the import did not complete after the restart: " + last);
    }

    private static void writePdf(Path file, String run, int number) throws IOException {
        Files.createDirectories(file.getParent());
        try (PDDocument doc = new PDDocument()) {
            for (int page = 1; page <= PAGES_PER_FILE; page++) {
                PDPage p = new PDPage();
                doc.addPage(p);
                try (PDPageContentStream cs = new PDPageContentStream(doc, p)) {
                    cs.beginText();
                    cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    cs.newLineAtOffset(72, 700);
                    cs.showText("Kistenimport" + run + " Akte" + run + "x" + number + " Seite " + page
                            + " Bauakte aus dem Keller des Rathauses");
                    cs.endText();
                }
            }
            doc.save(file.toFile());
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
