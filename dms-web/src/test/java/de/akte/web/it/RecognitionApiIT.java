package de.akte.web.it;

import de.akte.ingest.testing.InstalledTesseract;
import de.akte.ingest.testing.LetterScans;
import de.akte.ingest.testing.LetterScans.Letter;
import de.akte.ingest.testing.VeraPdf;
import de.akte.ingest.testing.WordErrorRate;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static de.akte.web.it.ApiClient.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scans through the running server: OCR, word boxes, rotation, PDF/A rendition, separator sheets, bad input. */
class RecognitionApiIT {

    private static final ApiClient ADMIN = ApiClient.admin();
    private static final Duration OCR_WAIT = Duration.ofSeconds(180);
    private static String department;
    private static String caseFile;
    private static String run;

    @TempDir
    Path dir;

    @BeforeAll
    static void office() {
        InstalledTesseract.probe().assumeAvailable();
        run = UUID.randomUUID().toString().substring(0, 6);
        department = "scan" + run;
        assertEquals(201, ADMIN.postJson("/api/departments",
                "{\"code\":\"" + department + "\",\"name\":\"Scanstelle\",\"referencePrefixes\":[\"70-" + run
                        + "/\"]}").status());
        caseFile = "70-" + run + "/2026";
        ApiClient.Answer created = ADMIN.postJson("/api/case-files", "{\"fileReference\":\"" + caseFile
                + "\",\"title\":\"Kanalsanierung\",\"department\":\"" + department + "\"}");
        assertEquals(201, created.status(), created::text);
    }

    private long upload(String fileName, byte[] content) {
        ApiClient.Answer created = ADMIN.upload("/api/documents", fields("title", fileName, "department", department),
                fileName, content);
        assertEquals(201, created.status(), created::text);
        return created.json().getJsonNumber("id").longValue();
    }

    /** Six digits from 2 to 9, which OCR does not confuse with letters (0/O, 1/l), unique enough per run. */
    private static String readableDigits() {
        StringBuilder digits = new StringBuilder();
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 6; i++) {
            digits.append((char) ('2' + random.nextInt(8)));
        }
        return digits.toString();
    }

    private JsonObject awaitSettled(long id) {
        return ADMIN.awaitDocument(id, d -> !List.of("RECEIVED", "PROCESSING").contains(d.getString("status")), OCR_WAIT);
    }

    private byte[] png(BufferedImage image) throws IOException {
        Path file = dir.resolve(UUID.randomUUID() + ".png");
        LetterScans.toPng(image, 300, file);
        return Files.readAllBytes(file);
    }

    @Test
    void scannedLetterBecomesSearchableWithWordBoxesFieldsAndAPdfARendition() throws IOException {
        // digits only after the word: a hex run id reads "0" as "O" now and then
        String token = "Kanalnummer" + readableDigits();
        Letter letter = Letter.withSubject("Sanierung des Abwasserkanals " + token);
        long id = upload("kanal.png", png(LetterScans.page(letter)));

        JsonObject document = awaitSettled(id);
        assertEquals("READY", document.getString("status"), document::toString);
        assertEquals("2026-11-27", document.getString("documentDate"));
        JsonArray found = document.getJsonArray("fields");
        assertTrue(found.stream().map(JsonObject.class::cast).anyMatch(f -> f.getString("kind").equals("FILE_REFERENCE")
                && f.getString("value").equals("32-41/2025") && f.getInt("page") == 1), found::toString);

        JsonObject page = ADMIN.get("/api/documents/" + id + "/text").json().getJsonArray("pages").getJsonObject(0);
        assertEquals("OCR", page.getString("source"));
        assertEquals(2480, page.getInt("width"));
        assertEquals(3508, page.getInt("height"));
        double wer = WordErrorRate.between(letter.text(), page.getString("text"));
        assertTrue(wer <= 0.10, () -> "word error rate " + wer + ": " + page.getString("text"));
        JsonObject word = page.getJsonArray("words").stream().map(JsonObject.class::cast)
                .filter(w -> w.getString("text").startsWith("Abwasserkanals")).findFirst().orElseThrow();
        assertTrue(word.getInt("width") > 100 && word.getInt("height") > 20, word::toString);

        JsonObject hits = ADMIN.awaitSearch(token, 1);
        assertEquals(id, hits.getJsonArray("items").getJsonObject(0).getJsonNumber("documentId").longValue());
        ADMIN.awaitSearch(token + " 32-41/2025", 1);

        ApiClient.Answer rendition = ADMIN.get("/api/documents/" + id + "/versions/1/rendition");
        assertEquals(200, rendition.status());
        assertEquals("application/pdf", rendition.header("Content-Type"));
        VeraPdf.assertPdfA2b(rendition.bytes());
        try (PDDocument pdf = Loader.loadPDF(rendition.bytes())) {
            assertTrue(new PDFTextStripper().getText(pdf).contains(token));
        }
        // the original stays exactly as uploaded
        assertEquals(200, ADMIN.get("/api/documents/" + id + "/versions/1/content").status());
    }

    @Test
    void sidewaysScanIsTurnedUpright() throws IOException {
        long id = upload("quer.png", png(LetterScans.rotateQuarterTurns(LetterScans.page(Letter.numbered(41)), 1)));

        assertEquals("READY", awaitSettled(id).getString("status"));
        JsonObject page = ADMIN.get("/api/documents/" + id + "/text").json().getJsonArray("pages").getJsonObject(0);
        assertEquals(270, page.getInt("rotation"));
        assertEquals(2480, page.getInt("width"));
        assertTrue(page.getString("text").contains("Nummer 41"), page.getString("text"));

        // the viewer's page image comes upright, at the width asked for (one of the served widths)
        ApiClient.Answer image = ADMIN.get("/api/documents/" + id + "/pages/1/image?width=640");
        assertEquals(200, image.status(), image::text);
        assertEquals("image/png", image.header("Content-Type"));
        BufferedImage shown = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(image.bytes()));
        assertEquals(640, shown.getWidth());
        assertEquals(640.0 * 3508 / 2480, shown.getHeight(), 3.0);
        assertEquals(404, ADMIN.get("/api/documents/" + id + "/pages/2/image").status());
        assertEquals(400, ADMIN.get("/api/documents/" + id + "/pages/1/image?width=0").status());
    }

    @Test
    void batchWithSeparatorSheetsIsCutIntoDocumentsFiledByTheirBarcodes() throws IOException {
        Path tiff = dir.resolve("stapel.tif");
        LetterScans.toTiff(List.of(
                LetterScans.page(Letter.numbered(101)),
                LetterScans.separatorSheet("AKTE-TRENNBLATT", false),
                LetterScans.page(Letter.numbered(102)),
                LetterScans.separatorSheet("AKTE-AZ:" + caseFile, true),
                LetterScans.page(Letter.numbered(103)),
                LetterScans.page(Letter.numbered(104))), 300, tiff, "LZW");
        long batch = upload("stapel.tif", Files.readAllBytes(tiff));

        JsonObject settled = awaitSettled(batch);
        assertEquals("READY", settled.getString("status"), settled::toString);
        List<Long> parts = Arrays.stream(settled.getJsonObject("metadata").getString("batch.parts").split(", "))
                .map(Long::valueOf).toList();
        assertEquals(3, parts.size());
        JsonObject first = awaitSettled(parts.get(0));
        JsonObject third = awaitSettled(parts.get(2));
        assertEquals("READY", third.getString("status"), third::toString);
        assertTrue(first.isNull("caseFile") || !first.getString("caseFile").equals(caseFile));
        assertEquals(caseFile, third.getString("caseFile"));
        assertEquals(batch, third.getJsonNumber("batchDocumentId").longValue());
        JsonArray pages = ADMIN.get("/api/documents/" + parts.get(2) + "/text").json().getJsonArray("pages");
        assertEquals(2, pages.size(), "the separator sheet is dropped");
        assertTrue(pages.getJsonObject(0).getString("text").contains("Nummer 103"));
        assertTrue(pages.getJsonObject(1).getString("text").contains("Nummer 104"));
        JsonObject inCaseFile = ADMIN.get("/api/case-files?reference=" + ApiClient.q(caseFile)).json()
                .getJsonArray("items").getJsonObject(0);
        String caseFileBody = ADMIN.get("/api/case-files/" + inCaseFile.getJsonNumber("id").longValue()).text();
        assertTrue(caseFileBody.contains("\"id\":" + parts.get(2)), caseFileBody);
    }

    @Test
    void badInputEndsFailedOrQuarantinedWithReasonAndTheServerStaysHealthy() throws IOException {
        long encrypted = upload("geheim.pdf", encryptedPdf());
        long truncated = upload("kaputt.pdf", Arrays.copyOf(textPdf(), 400));
        long noPages = upload("leer.pdf", emptyPdf());
        long pixelBomb = upload("riesig.png", LetterScans.pngClaiming(50_000, 50_000));
        long zipBomb = upload("bombe.zip", LetterScans.zipBomb(200));
        byte[] random = new byte[8192];
        new java.util.Random(11).nextBytes(random);
        long unknown = upload("daten.bin", random);

        assertSettled(encrypted, "FAILED", "password");
        assertSettled(truncated, "FAILED", "damaged");
        assertSettled(noPages, "FAILED", "no pages");
        assertSettled(pixelBomb, "QUARANTINED", "50000");
        assertSettled(zipBomb, "QUARANTINED", "compression bomb");
        assertSettled(unknown, "QUARANTINED", "could not be recognised");
        for (long id : List.of(encrypted, pixelBomb, unknown)) {
            // kept, and for a quarantined one released to an administrator only on confirmation
            assertEquals(200, ADMIN.get("/api/documents/" + id + "/versions/1/content?confirmQuarantined=true")
                    .status(), "the original is kept");
        }
        JsonObject health = ApiClient.anonymous().get("/api/health").json();
        ServingHealth.assertServing(health);
        assertTrue(health.getJsonObject("ocr").getBoolean("available"), health::toString);
    }

    private void assertSettled(long id, String status, String reasonPart) {
        JsonObject d = awaitSettled(id);
        assertEquals(status, d.getString("status"), d::toString);
        assertTrue(d.getString("statusReason").contains(reasonPart), d::toString);
    }

    private byte[] textPdf() throws IOException {
        Path file = dir.resolve(UUID.randomUUID() + ".pdf");
        LetterScans.toTextPdf(Letter.standard(), file);
        return Files.readAllBytes(file);
    }

    private byte[] encryptedPdf() throws IOException {
        try (PDDocument document = Loader.loadPDF(textPdf()); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var policy = new org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy("owner", "user",
                    new org.apache.pdfbox.pdmodel.encryption.AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] emptyPdf() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.save(out);
            return out.toByteArray();
        }
    }
}
