package de.akte.web.it;

import de.akte.ingest.cli.BatchUploader;
import de.akte.ingest.cli.ImportOptions;
import de.akte.ingest.cli.ImportReport;
import de.akte.ingest.cli.ServerConnection;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scanning staff's command-line client against the running server: import, interruption, resume, report. */
class ImportCliIT {

    private static final ApiClient ADMIN = ApiClient.admin();
    private static final String PASSWORD = "scan-it-password";
    private static String department;
    private static String caseFile;
    private static String scanner;

    @TempDir
    Path dir;

    @BeforeAll
    static void scanningStaff() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        department = "cli" + run;
        scanner = "scan." + run;
        assertEquals(201, ADMIN.postJson("/api/departments", "{\"code\":\"" + department + "\",\"name\":\"Scanstelle\","
                + "\"referencePrefixes\":[\"80-" + run + "/\"]}").status());
        assertEquals(201, ADMIN.postJson("/api/users", "{\"username\":\"" + scanner + "\",\"password\":\"" + PASSWORD
                + "\",\"roles\":[\"SCANNER\"],\"departments\":[\"" + department + "\"]}").status());
        caseFile = "80-" + run + "/2026";
        assertEquals(201, ADMIN.postJson("/api/case-files", "{\"fileReference\":\"" + caseFile
                + "\",\"title\":\"Altakten\",\"department\":\"" + department + "\"}").status());
    }

    private static String token(String run, int n) {
        return "Altakte" + run.replaceAll("[0-9]", "q") + "Nummer" + "abcdefghij".charAt(n % 10) + "x" + n;
    }

    @Test
    void anInterruptedImportIsResumedByRunningTheSameCommandAgain() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String common = "Kellerfund" + run.replaceAll("[0-9]", "z");
        Path folder = Files.createDirectories(dir.resolve("stapel"));
        int files = 60;
        for (int i = 1; i <= files; i++) {
            Files.write(Files.createDirectories(folder.resolve("ordner-" + (i % 3))).resolve("akte-" + i + ".pdf"),
                    RecordStoreApiIT.pdf(common + " Blatt " + i + " der Bauakte"));
        }
        String key = "it-cli-" + run;
        Path jar = Path.of(System.getProperty("akte.it.cliJar", "../dms-ingest/target/akte.jar"));
        ProcessBuilder cli = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "import", folder.toString(), "--server", ApiClient.BASE, "--user", scanner,
                "--department", department, "--batch", key, "--threads", "1")
                .redirectErrorStream(true).redirectOutput(dir.resolve("cli.log").toFile());
        cli.environment().put("AKTE_PASSWORD", PASSWORD);
        Process first = cli.start();
        ApiClient me = ApiClient.as(scanner, PASSWORD);
        long batch = awaitBatch(me, key);
        awaitReceived(me, batch, 10);
        first.destroyForcibly().waitFor();
        long before = me.get("/api/imports/" + batch).json().getInt("received");
        assertTrue(before < files, "the client must be stopped in the middle, had " + before);

        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ImportReport report = new BatchUploader(new ServerConnection(URI.create(ApiClient.BASE), scanner, PASSWORD),
                ImportOptions.standard().withDepartment(department).withBatchKey(key),
                new PrintStream(console, true, StandardCharsets.UTF_8)).run(folder);

        assertEquals(0, report.exitCode(), () -> console.toString(StandardCharsets.UTF_8));
        assertTrue(report.resumed());
        assertTrue(report.skipped().size() >= before, "what was imported before is skipped: " + report.skipped().size());
        assertEquals(files, report.imported().size() + report.skipped().size());
        JsonObject progress = me.get("/api/imports/" + batch).json();
        assertEquals(files, progress.getInt("received"), progress::toString);
        assertEquals(0, progress.getInt("duplicates"));
        ADMIN.awaitSearch(common, files);
    }

    @Test
    void aManifestFilesEachFileAndTheReportNamesWhatFailed() throws IOException {
        String run = UUID.randomUUID().toString().substring(0, 6);
        Path folder = Files.createDirectories(dir.resolve("migration"));
        Files.write(folder.resolve("a.pdf"), RecordStoreApiIT.pdf(token(run, 1) + " Erster Bescheid"));
        Files.write(folder.resolve("b.pdf"), RecordStoreApiIT.pdf(token(run, 2) + " Zweiter Bescheid"));
        Files.write(folder.resolve("ohne-zeile.pdf"), RecordStoreApiIT.pdf(token(run, 3) + " Dritter Bescheid"));
        Path manifest = dir.resolve("manifest.csv");
        Files.writeString(manifest, "file;caseFile;department;documentType;title;date\n"
                + "a.pdf;" + caseFile + ";;Bescheid;Bescheid Eins;01.02.2003\n"
                + "b.pdf;99-99/1999;;Bescheid;Bescheid Zwei;02.02.2003\n"
                + "fehlt.pdf;" + caseFile + ";;Bescheid;Fehlt;03.02.2003\n", StandardCharsets.UTF_8);
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        ImportReport report = new BatchUploader(new ServerConnection(URI.create(ApiClient.BASE), scanner, PASSWORD),
                ImportOptions.standard().withDepartment(department).withManifest(manifest)
                        .withBatchKey("it-manifest-" + run).withScannedBy("Frau Scan"),
                new PrintStream(console, true, StandardCharsets.UTF_8)).run(folder);

        String out = console.toString(StandardCharsets.UTF_8);
        assertEquals(1, report.exitCode(), out);
        assertEquals(2, report.imported().size(), out);
        assertEquals(1, report.failed().size(), out);
        assertTrue(report.failed().get(0).reason().contains("99-99/1999"), report.failed().toString());
        assertTrue(report.mismatches().stream().anyMatch(m -> m.contains("fehlt.pdf")), report.mismatches().toString());
        assertTrue(report.mismatches().stream().anyMatch(m -> m.contains("ohne-zeile.pdf")), report.mismatches().toString());
        long a = report.imported().stream().filter(o -> o.path().equals("a.pdf")).findFirst().orElseThrow().documentId();
        JsonObject first = ApiClient.as(scanner, PASSWORD).get("/api/documents/" + a).json();
        assertEquals(caseFile, first.getString("caseFile"));
        assertEquals("Bescheid Eins", first.getString("title"));
        assertEquals("2003-02-01", first.getString("documentDate"));

        ApiClient.Answer protocol = ApiClient.as(scanner, PASSWORD).get("/api/imports/" + report.batchId()
                + "/protocol?format=csv");
        assertEquals(200, protocol.status());
        assertTrue(protocol.text().contains("scanned by: Frau Scan"), protocol.text());
        assertTrue(protocol.text().contains("a.pdf;"), protocol.text());
    }

    private static long awaitBatch(ApiClient me, String key) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        pause(1500);
        while (Instant.now().isBefore(deadline)) {
            ApiClient.Answer answer = me.postJson("/api/imports", "{\"key\":\"" + key + "\",\"source\":\"probe\"}");
            // whoever opens the key first, the other continues the same batch
            if (answer.status() == 200 || answer.status() == 201) {
                return answer.json().getJsonNumber("id").longValue();
            }
            pause(100);
        }
        throw new AssertionError("the client did not open its batch");
    }

    private static void awaitReceived(ApiClient me, long batch, int atLeast) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (me.get("/api/imports/" + batch).json().getInt("received") >= atLeast) {
                return;
            }
            pause(50);
        }
        throw new AssertionError("the client did not get going");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
