package de.akte.web.it;

import de.akte.ingest.testing.LetterScans;
import jakarta.json.JsonObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static de.akte.web.it.ApiClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recovery from every fault: a mixed ingest (scans as PNGs and image PDFs, born-digital PDFs, text, RTF and DOCX
 * files, broken files) into a server on PostgreSQL and S3 while the test kills the server with SIGKILL at random
 * moments (seeded; the seed is printed, {@code -Dakte.it.faults.seed} repeats a run), crashes PostgreSQL, kills the
 * S3 gateway, fills the upload spool's disk and makes Tesseract hang. Afterwards every upload the server accepted
 * is there exactly once with its original bytes, READY (after an administrator's retry where the reason says so)
 * or, for a broken file, failed with a reason; it is found by search, and the audit chain verifies. No request is
 * ever answered 500, and every refusal gives its reason.
 */
class FaultInjectionIT {

    private static final String PASSWORD = "faults-admin-password";
    private static final int PORT_OFFSET = 701;
    /** At least ten; fewer only to try the suite out ({@code -Dakte.it.faults.kills}). */
    private static final int KILLS = Integer.getInteger("akte.it.faults.kills", 10);
    private static final int MAX_UPLOADS = 160;
    private static final Duration OCR_PAGE_TIMEOUT = Duration.ofSeconds(8);
    /** Only scans carry this word, so a search for it finds exactly the recognised scans. */
    private static final String SCAN_WORD = "Wasserrohrbruch";

    /** What a file of the corpus is. */
    enum Kind {
        SCAN_PNG(true), SCAN_PDF(true), TEXT_PDF(true), PLAIN_TEXT(true), RTF(true), DOCX(true), BROKEN(false);

        final boolean mustBecomeReady;

        Kind(boolean mustBecomeReady) {
            this.mustBecomeReady = mustBecomeReady;
        }
    }

    /** One upload: what was sent and how the server answered. */
    record Upload(int number, Kind kind, String token, String fileName, String sha256, String phase, int status,
                  long id, String reason) {
        boolean accepted() {
            return status >= 200 && status < 300;
        }
    }

    private final List<Upload> uploads = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, Integer>> answersByPhase = new ConcurrentHashMap<>();
    private final AtomicReference<String> phase = new AtomicReference<>("steady");

    @Test
    void everyAcceptedDocumentSurvivesKillsOutagesAFullSpoolAndAHangingTesseract() throws Exception {
        Path work = Path.of(System.getProperty("akte.it.workDir", "target")).toAbsolutePath();
        Path home = Path.of(System.getProperty("akte.it.serverHome", "target/server"));
        Path s3Up = Path.of(System.getProperty("akte.it.s3Up", "../.ci/s3-up.sh")).toAbsolutePath().normalize();
        Path pgBin = PrivatePostgres.binaries();
        Path tesseract = FaultTools.firstExecutable(List.of(Path.of("/usr/bin/tesseract"),
                Path.of("/usr/local/bin/tesseract")));
        FaultTools.require(Files.isDirectory(home.resolve("bin")), "the provisioned server in " + home);
        FaultTools.require(FaultTools.isRoot(), "root, to mount the spool's own file system and to run PostgreSQL "
                + "and Ceph as their users");
        FaultTools.require(pgBin != null, "PostgreSQL's initdb and pg_ctl (/usr/local/bin, /usr/lib/postgresql/*/bin)");
        FaultTools.require(tesseract != null, "Tesseract (/usr/bin/tesseract)");
        FaultTools.require(Files.isRegularFile(s3Up), "the S3 script " + s3Up);
        FaultTools.require(FaultTools.onPath("radosgw") != null && FaultTools.onPath("ceph-mon") != null,
                "Ceph's radosgw and ceph-mon (.ci/s3-up.sh installs them)");

        long seed = Long.getLong("akte.it.faults.seed", System.nanoTime());
        System.out.println("FaultInjectionIT: seed " + seed + " (repeat with -Dakte.it.faults.seed=" + seed + ")");
        Random random = new Random(seed);
        String run = String.format("%06d", Math.floorMod(seed, 1_000_000));
        Instant started = Instant.now();

        PrivateGateway gateway = new PrivateGateway(s3Up, Path.of(System.getProperty("akte.it.faults.s3DataDir",
                "/var/tmp/akte-rgw-faults")), Integer.getInteger("akte.it.faults.s3HttpPort", 17700),
                Integer.getInteger("akte.it.faults.s3HttpsPort", 17743),
                Integer.getInteger("akte.it.faults.s3MonitorPort", 16700));
        gateway.start();
        HangingTesseract ocr = HangingTesseract.wrapping(tesseract, work.resolve("faults-bin"));
        int kills = 0;
        int serverRestarts = 0;
        int retried = 0;
        List<ProcessHandle> orphans = new ArrayList<>();
        try (PrivatePostgres pg = PrivatePostgres.create(pgBin, work.resolve("faults-pg"), 5432 + PORT_OFFSET);
             SpoolDisk spool = SpoolDisk.mount(work.resolve("faults-spool"), 24)) {
            Map<String, String> env = Map.ofEntries(
                    Map.entry("AKTE_DATA_DIR", work.resolve("faults-data-" + run).toString()),
                    Map.entry("AKTE_SPOOL_DIR", spool.path().toString()),
                    Map.entry("AKTE_ADMIN_PASSWORD", PASSWORD),
                    Map.entry("AKTE_PASSWORD_ITERATIONS", "1000"),
                    Map.entry("AKTE_DB_URL", pg.jdbcUrl()),
                    Map.entry("AKTE_DB_USER", "postgres"),
                    Map.entry("AKTE_DB_PASSWORD", "postgres"),
                    Map.entry("AKTE_STORAGE", "s3"),
                    Map.entry("AKTE_S3_ENDPOINT", gateway.endpoint()),
                    Map.entry("AKTE_S3_BUCKET", "akte-faults-" + run),
                    Map.entry("AKTE_S3_ACCESS_KEY", "minioadmin"),
                    Map.entry("AKTE_S3_SECRET_KEY", "minioadmin"),
                    Map.entry("AKTE_S3_REGION", "us-east-1"),
                    Map.entry("AKTE_TESSERACT", ocr.program().toString()),
                    Map.entry("AKTE_OCR_PAGE_TIMEOUT_SECONDS", Long.toString(OCR_PAGE_TIMEOUT.toSeconds())),
                    Map.entry("AKTE_OCR_THREADS", "2"),
                    // a loaded machine boots WildFly slowly: its 300 s default would fail the boot, not the product
                    Map.entry("JAVA_OPTS", "-Xmx1g -Djava.net.preferIPv4Stack=true"
                            + " -Djboss.as.management.blocking.timeout=1200"));
            try (ServerProcess server = new ServerProcess(home, work, "faults-server", PORT_OFFSET, env)) {
                server.start();
                ApiClient admin = ApiClient.at(server.baseUrl(), "admin", PASSWORD);
                String department = "fx" + run;
                assertEquals(201, admin.postJson("/api/departments", "{\"code\":\"" + department
                        + "\",\"name\":\"Fehlertest\"}").status());

                AtomicBoolean stop = new AtomicBoolean();
                Thread uploader = new Thread(() -> uploadUntilStopped(admin, department, run, new Random(seed + 1),
                        stop), "fault-uploader");
                uploader.start();
                try {
                    for (int k = 1; k <= KILLS; k++) {
                        FaultTools.pause(Duration.ofMillis(1500 + random.nextInt(5000)));
                        switch (k) {
                            case 2 -> {
                                // Tesseract hangs: pages run into the time limit; the kill below leaves its processes
                                phase.set("tesseract hangs");
                                ocr.hang();
                                FaultTools.pause(OCR_PAGE_TIMEOUT.plusSeconds(4));
                            }
                            case 3 -> {
                                phase.set("database down");
                                pg.crash();
                                FaultTools.pause(Duration.ofSeconds(6));
                                pg.start();
                                awaitHealthy(admin, "database");
                                phase.set("steady");
                            }
                            case 4 -> {
                                phase.set("storage down");
                                gateway.crash();
                                FaultTools.pause(Duration.ofSeconds(6));
                                gateway.start();
                                awaitHealthy(admin, "storage");
                                phase.set("steady");
                            }
                            case 1 -> {
                                phase.set("spool full");
                                long filled = spool.fill();
                                Upload refused = upload(admin, department, run, -k, Kind.SCAN_PNG);
                                assertEquals(507, refused.status(), refused::toString);
                                assertTrue(refused.reason() != null && refused.reason().contains("disk"),
                                        refused::toString);
                                System.out.println("FaultInjectionIT: spool filled with " + filled
                                        + " bytes; an upload answered " + refused.status() + ": " + refused.reason());
                                spool.free();
                                phase.set("steady");
                                Upload afterwards = upload(admin, department, run, -k - 100, Kind.SCAN_PNG);
                                assertEquals(201, afterwards.status(), "uploads work again once the disk has "
                                        + "room: " + afterwards);
                            }
                            default -> {
                            }
                        }
                        FaultTools.pause(Duration.ofMillis(random.nextInt(3000)));
                        orphans.addAll(server.kill());
                        kills++;
                        if (k == 2) {
                            ocr.recover();
                            phase.set("steady");
                        }
                        server.start();
                        serverRestarts++;
                    }
                } finally {
                    stop.set(true);
                    uploader.join(Duration.ofMinutes(3).toMillis());
                    ocr.recover();
                    spool.free();
                }

                List<Upload> accepted = uploads.stream().filter(Upload::accepted).toList();
                retried = settle(admin, accepted);
                JsonObject audit = admin.get("/api/admin/audit/verify").json();
                List<ProcessHandle> lasting = orphans.stream().filter(ProcessHandle::isAlive).toList();
                System.out.println(report(accepted, kills, serverRestarts, retried, orphans, lasting, audit,
                        Duration.between(started, Instant.now())));

                // a refusal is the server's temporary trouble (503, 507) or the file's fault (4xx), and says why
                assertEquals(List.of(), uploads.stream().filter(u -> u.status() >= 400 && (u.reason() == null
                        || u.reason().isBlank() || u.status() >= 500 && u.status() != 503 && u.status() != 507
                        || u.status() < 500 && u.kind().mustBecomeReady)).toList(), "unexplained refusals");
                check(admin, accepted, department);
                assertTrue(audit.getBoolean("intact"), "the audit chain verifies: " + audit);
                assertEquals(List.of(), lasting.stream().map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                        .toList(), "no process of a killed server lives on");
            }
        }
    }

    // ---- the ingest -------------------------------------------------------------------------------------------

    private void uploadUntilStopped(ApiClient admin, String department, String run, Random random, AtomicBoolean stop) {
        Kind[] cycle = {Kind.SCAN_PNG, Kind.TEXT_PDF, Kind.PLAIN_TEXT, Kind.SCAN_PDF, Kind.DOCX, Kind.RTF,
                Kind.TEXT_PDF, Kind.BROKEN, Kind.PLAIN_TEXT, Kind.TEXT_PDF};
        int number = 0;
        int answered = 0;
        while (!stop.get() && answered < MAX_UPLOADS) {
            // a number is never used twice: a request without answer may still have been accepted
            Upload u = upload(admin, department, run, number, cycle[random.nextInt(cycle.length)]);
            number++;
            if (u.status() != 0) {
                answered++;
            }
            boolean refused = u.status() == 0 || u.status() == 503 || u.status() == 507;
            FaultTools.pause(Duration.ofMillis(refused ? 1000 : 300 + random.nextInt(400)));
        }
    }

    private Upload upload(ApiClient admin, String department, String run, int number, Kind kind) {
        String token = "fehler" + run + "x" + (number < 0 ? "p" + (-number) : Integer.toString(number));
        byte[] content = content(kind, token, number);
        String fileName = token + extension(kind, number);
        String at = phase.get();
        int status;
        long id = -1;
        String reason = null;
        try {
            ApiClient.Answer answer = admin.upload("/api/documents", fields("title", token, "department", department),
                    fileName, content);
            status = answer.status();
            if (answer.status() >= 200 && answer.status() < 300) {
                id = answer.json().getJsonNumber("id").longValue();
            } else {
                reason = reason(answer);
            }
        } catch (IllegalStateException noAnswer) {
            // the server was being killed or started: no answer is no acceptance
            status = 0;
            reason = noAnswer.getMessage();
        }
        answersByPhase.computeIfAbsent(at, p -> new ConcurrentHashMap<>())
                .merge(status == 0 ? "no answer" : Integer.toString(status), 1, Integer::sum);
        Upload u = new Upload(number, kind, token, fileName, sha256(content), at, status, id, reason);
        uploads.add(u);
        return u;
    }

    private static String reason(ApiClient.Answer answer) {
        try {
            JsonObject problem = answer.json();
            return problem.getString("detail", problem.getString("error", null));
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String extension(Kind kind, int number) {
        return switch (kind) {
            case SCAN_PNG -> ".png";
            case SCAN_PDF, TEXT_PDF -> ".pdf";
            case PLAIN_TEXT -> ".txt";
            case RTF -> ".rtf";
            case DOCX -> ".docx";
            case BROKEN -> switch (Math.floorMod(number, 4)) {
                case 0 -> ".pdf";
                case 1 -> ".bin";
                case 2 -> ".png";
                default -> ".txt";
            };
        };
    }

    private static byte[] content(Kind kind, String token, int number) {
        String text = "Vorgang " + token + " Gewerbeanmeldung der Bäckerei Schmidt in der Gartenstraße";
        return switch (kind) {
            case SCAN_PNG -> scan(token, number, false);
            case SCAN_PDF -> scan(token, number, true);
            case TEXT_PDF -> textPdf(text);
            case PLAIN_TEXT -> (text + "\nMit freundlichen Grüßen\n").getBytes(StandardCharsets.UTF_8);
            case RTF -> ("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times;}}\\f0 " + text.replace("ä", "\\'e4")
                    .replace("ß", "\\'df") + "\\par}").getBytes(StandardCharsets.ISO_8859_1);
            case DOCX -> docx(text);
            case BROKEN -> switch (Math.floorMod(number, 4)) {
                // a PDF cut off after its header and first object
                case 0 -> java.util.Arrays.copyOf(textPdf(text), 300);
                // bytes that are no format at all
                case 1 -> randomBytes(number, 4096);
                // a PNG header claiming 100,000 × 100,000 pixels
                case 2 -> LetterScans.pngClaiming(100_000, 100_000);
                // nothing at all: refused at the door
                default -> new byte[0];
            };
        };
    }

    private static byte[] scan(String token, int number, boolean asPdf) {
        var letter = new LetterScans.Letter(List.of("Stadtverwaltung Musterstadt", "",
                "Schadensmeldung " + SCAN_WORD + " in der Gartenstraße",
                "Wir bitten um schnelle Hilfe beim " + SCAN_WORD + " im Keller.", "",
                "Mit freundlichen Grüßen"));
        var page = LetterScans.page(letter, 150);
        try {
            Path file = Files.createTempFile("fault-scan-", asPdf ? ".pdf" : ".png");
            try {
                if (asPdf) {
                    LetterScans.toImagePdf(List.of(page), 150, file);
                } else {
                    LetterScans.toPng(page, 150, file);
                }
                return Files.readAllBytes(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] textPdf(String text) {
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The smallest WordprocessingML package Word and Tika read: content types, one relation, one paragraph. */
    private static byte[] docx(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas"
                    + ".openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\""
                    + "application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" "
                    + "ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\""
                    + "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://"
                    + "schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\""
                    + "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
                    + "Target=\"word/document.xml\"/></Relationships>");
            entry(zip, "word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\""
                    + "http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>" + text
                    + "</w:t></w:r></w:p></w:body></w:document>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static byte[] randomBytes(long seed, int length) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        bytes[0] = 0x7f; // never a text file by accident
        return bytes;
    }

    // ---- afterwards -------------------------------------------------------------------------------------------

    /**
     * Waits until every accepted document has come to rest; one that failed or was set aside although it is a good
     * file (its reason says it may be retried) is retried by the administrator. Returns how many were retried.
     */
    private static int settle(ApiClient admin, List<Upload> accepted) {
        Map<Long, Integer> retries = new TreeMap<>();
        List<Upload> open = new ArrayList<>(accepted);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (!open.isEmpty() && Instant.now().isBefore(deadline)) {
            for (Upload u : List.copyOf(open)) {
                JsonObject d = admin.get("/api/documents/" + u.id()).json();
                String status = d.getString("status");
                boolean stuck = status.equals("FAILED") || status.equals("QUARANTINED");
                if (status.equals("READY") || stuck && !u.kind().mustBecomeReady) {
                    open.remove(u);
                } else if (stuck && retries.getOrDefault(u.id(), 0) < 2) {
                    System.out.println("FaultInjectionIT: retrying " + u.fileName() + " (" + status + ": "
                            + d.getString("statusReason", "") + ")");
                    ApiClient.Answer retried = admin.post("/api/documents/" + u.id() + "/retry");
                    assertEquals(202, retried.status(), retried::text);
                    retries.merge(u.id(), 1, Integer::sum);
                } else if (stuck) {
                    open.remove(u);
                }
            }
            if (!open.isEmpty()) {
                FaultTools.pause(Duration.ofSeconds(1));
            }
        }
        return retries.size();
    }

    private static void check(ApiClient admin, List<Upload> accepted, String department) throws IOException {
        int readyScans = 0;
        for (Upload u : accepted) {
            JsonObject d = admin.get("/api/documents/" + u.id()).json();
            String status = d.getString("status");
            if (u.kind().mustBecomeReady) {
                assertEquals("READY", status, () -> u + " → " + d);
            } else {
                assertTrue(status.equals("READY") || !d.getString("statusReason", "").isBlank(),
                        () -> "a broken file that did not become READY says why: " + d);
            }
            if (status.equals("READY") && (u.kind() == Kind.SCAN_PNG || u.kind() == Kind.SCAN_PDF)) {
                readyScans++;
            }
            // a quarantined original is kept, but an administrator must confirm to read it
            ApiClient.Answer original = admin.get("/api/documents/" + u.id() + "/versions/1/content"
                    + (status.equals("QUARANTINED") ? "?confirmQuarantined=true" : ""));
            assertEquals(200, original.status(), () -> u + ": " + original.text());
            assertEquals(u.sha256(), sha256(original.bytes()), () -> "the original bytes of " + u);
            assertEquals(1, admin.get("/api/documents/" + u.id() + "/versions").structure().asJsonArray().size(),
                    () -> "one version of " + u);
        }
        // exactly once: each title token finds its own document and no other
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        List<Upload> unchecked = new ArrayList<>(accepted);
        String last = "";
        while (!unchecked.isEmpty() && Instant.now().isBefore(deadline)) {
            for (Upload u : List.copyOf(unchecked)) {
                JsonObject hits = admin.get("/api/search?size=10&q=" + ApiClient.q(u.token())).json();
                var ids = hits.getJsonArray("items").stream().map(i -> i.asJsonObject().getJsonNumber("documentId")
                        .longValue()).toList();
                if (hits.getInt("total") == 1 && ids.equals(List.of(u.id()))) {
                    unchecked.remove(u);
                } else {
                    assertTrue(hits.getInt("total") <= 1, () -> "found more than once: " + u + " → " + hits);
                    last = u + " → " + hits;
                }
            }
            if (!unchecked.isEmpty()) {
                FaultTools.pause(Duration.ofSeconds(1));
            }
        }
        assertEquals(List.of(), unchecked, "not findable; last: " + last);
        JsonObject scans = admin.get("/api/search?size=1&department=" + department + "&q=" + SCAN_WORD).json();
        assertEquals(readyScans, scans.getInt("total"), "every recognised scan is found by its words: " + scans);
    }

    private String report(List<Upload> accepted, int kills, int restarts, int retried, List<ProcessHandle> orphans,
                          List<ProcessHandle> lasting, JsonObject audit, Duration took) {
        Map<String, Integer> byStatus = new TreeMap<>();
        uploads.forEach(u -> byStatus.merge(u.status() == 0 ? "no answer" : Integer.toString(u.status()), 1,
                Integer::sum));
        List<String> refusals = new ArrayList<>();
        uploads.stream().filter(u -> u.status() >= 400).map(u -> u.status() + " " + u.reason()).distinct()
                .forEach(refusals::add);
        Collections.sort(refusals);
        Map<String, Integer> byKind = new TreeMap<>();
        accepted.forEach(u -> byKind.merge(u.kind().name(), 1, Integer::sum));
        long ready = accepted.stream().filter(u -> !u.kind().equals(Kind.BROKEN)).count();
        return "FaultInjectionIT: " + uploads.size() + " uploads, accepted " + accepted.size() + " " + byKind
                + ", answers " + byStatus + ", by phase " + new TreeMap<>(answersByPhase) + "\n  READY (good files) "
                + ready + ", retried by the administrator " + retried + ", kills " + kills + ", server restarts "
                + restarts + ", PostgreSQL restarts 1, S3 gateway restarts 1, spool filled 1, Tesseract hung 1"
                + "\n  child processes of killed servers " + orphans.size() + " (still alive at the end "
                + lasting.size() + "), audit " + audit + ", took " + took.toSeconds() + " s"
                + "\n  refusals: " + String.join(" | ", refusals);
    }

    private static void awaitHealthy(ApiClient admin, String component) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            try {
                ApiClient.Answer health = admin.get("/api/health");
                last = health.text();
                if ("UP".equals(health.json().getJsonObject("checks").getString(component))) {
                    return;
                }
            } catch (RuntimeException e) {
                last = e.getMessage();
            }
            FaultTools.pause(Duration.ofMillis(500));
        }
        throw new AssertionError(component + " did not come back: " + last);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
