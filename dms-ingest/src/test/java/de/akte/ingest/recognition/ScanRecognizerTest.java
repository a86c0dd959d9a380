package de.akte.ingest.recognition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import de.akte.core.recognition.BatchPart;
import de.akte.core.recognition.FoundField;
import de.akte.core.recognition.Recognition;
import de.akte.core.recognition.RecognitionDeferredException;
import de.akte.core.recognition.RecognizedContent;
import de.akte.core.recognition.WordBox;
import de.akte.core.text.QuarantinedContentException;
import de.akte.core.text.UnreadableContentException;
import de.akte.ingest.detect.TikaContentTypeDetector;
import de.akte.ingest.extract.TikaTextExtractor;
import de.akte.ingest.metadata.MetadataExtractor;
import de.akte.ingest.ocr.OcrSettings;
import de.akte.ingest.testing.InstalledTesseract;
import de.akte.ingest.testing.LetterScans;
import de.akte.ingest.testing.LetterScans.Letter;
import de.akte.ingest.testing.VeraPdf;
import de.akte.ingest.testing.WordErrorRate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The whole recognition pipeline on synthetic scans with known text, with the real Tesseract. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScanRecognizerTest {

    private static final double WORD_ERROR_BOUND = 0.10;

    @TempDir
    Path dir;

    private InstalledTesseract tesseract;
    private ExecutorService pool;
    private ScanRecognizer recognizer;

    @BeforeAll
    void start() {
        tesseract = InstalledTesseract.probe();
        pool = Executors.newFixedThreadPool(2);
        recognizer = recognizer(RecognitionSettings.defaults());
    }

    @AfterAll
    void stop() {
        pool.shutdownNow();
    }

    private ScanRecognizer recognizer(RecognitionSettings settings) {
        return new ScanRecognizer(settings, new TikaContentTypeDetector(), new TikaTextExtractor(),
                new MetadataExtractor(), ScanSteps.of(settings), pool, 2);
    }

    private Path png(BufferedImage image, String name) {
        Path file = dir.resolve(name);
        LetterScans.toPng(image, 300, file);
        return file;
    }

    @Test
    void recognisesAScannedLetterWithWordBoxesFieldsAndAValidPdfA() throws IOException {
        tesseract.assumeAvailable();
        Path scan = png(LetterScans.page(), "brief.png");

        try (Recognition r = recognizer.recognize(scan, "brief.png", "Brief an Frau Müller")) {
            assertEquals("image/png", r.mediaType());
            RecognizedContent page = r.pages().get(0);
            assertEquals("OCR", page.source().name());
            assertEquals(2480, page.width());
            assertEquals(3508, page.height());
            assertEquals(0, page.rotation());
            double wer = WordErrorRate.between(Letter.standard().text(), page.text());
            assertTrue(wer <= WORD_ERROR_BOUND, () -> "word error rate " + wer + ":\n" + page.text());
            WordBox word = word(page, "Bebauung");
            // the letter's text starts 25 mm from the left edge: 295 px at 300 dpi
            assertTrue(word.x() > 250 && word.x() < 1500 && word.width() > 100 && word.height() > 20, word::toString);

            assertTrue(kinds(r).contains("DOCUMENT_DATE"), r.fields().toString());
            assertTrue(r.fields().stream().anyMatch(f -> f.kind().equals("FILE_REFERENCE")
                    && f.value().equals("32-41/2025")), r.fields().toString());
            assertTrue(r.rendition().isPresent());
            byte[] pdf = Files.readAllBytes(r.rendition().get());
            VeraPdf.assertPdfA2b(pdf);
            try (PDDocument document = Loader.loadPDF(pdf)) {
                assertEquals(1, document.getNumberOfPages());
                assertTrue(new PDFTextStripper().getText(document).contains("Baugenehmigung"));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void turnsSidewaysAndUpsideDownScansUpright(int quarterTurns) {
        tesseract.assumeAvailable();
        BufferedImage turned = LetterScans.rotateQuarterTurns(LetterScans.page(), quarterTurns);
        Path scan = png(turned, "gedreht-" + quarterTurns + ".png");

        try (Recognition r = recognizer.recognize(scan, "gedreht.png", "Gedreht")) {
            RecognizedContent page = r.pages().get(0);
            // turned clockwise k quarters, the page needs (4 - k) more quarters to stand upright
            assertEquals((4 - quarterTurns) * 90 % 360, page.rotation());
            assertEquals(2480, page.width(), "width of the upright page");
            assertEquals(3508, page.height());
            double wer = WordErrorRate.between(Letter.standard().text(), page.text());
            assertTrue(wer <= WORD_ERROR_BOUND, () -> "word error rate " + wer + ":\n" + page.text());
            WordBox first = word(page, "Stadtverwaltung");
            WordBox last = word(page, "Bauordnungsamt");
            assertTrue(first.y() < 800 && first.x() < 600, "upright boxes start top left: " + first);
            assertTrue(last.y() > first.y(), "reading order top to bottom in upright boxes");
            VeraPdf.assertPdfA2b(read(r.rendition().orElseThrow()));
        }
    }

    @Test
    void straightensASkewedNoisyScanBeforeOcr() {
        tesseract.assumeAvailable();
        BufferedImage skewed = LetterScans.speckle(LetterScans.skew(LetterScans.page(), 1.9), 0.002, 7);
        Path scan = png(skewed, "schief.png");

        try (Recognition r = recognizer.recognize(scan, "schief.png", "Schief")) {
            double wer = WordErrorRate.between(Letter.standard().text(), r.pages().get(0).text());
            assertTrue(wer <= WORD_ERROR_BOUND, () -> "word error rate " + wer + ":\n" + r.pages().get(0).text());
        }
    }

    @Test
    void cutsAMultiPageTiffAtSeparatorSheetsAndKeepsTheFileReference() throws IOException {
        tesseract.assumeAvailable();
        Path batch = dir.resolve("stapel.tif");
        LetterScans.toTiff(List.of(
                LetterScans.page(Letter.numbered(1)),
                LetterScans.separatorSheet("AKTE-TRENNBLATT", true),
                LetterScans.page(Letter.numbered(2)),
                LetterScans.page(Letter.numbered(3)),
                LetterScans.separatorSheet("AKTE-AZ:63-10/2025", false),
                LetterScans.page(Letter.numbered(4))), 300, batch, "LZW");

        try (Recognition r = recognizer.recognize(batch, "stapel.tif", "Stapel")) {
            assertTrue(r.isBatch());
            List<BatchPart> parts = r.parts();
            assertEquals(3, parts.size());
            assertEquals(List.of(1), parts.get(0).pages());
            assertEquals(List.of(3, 4), parts.get(1).pages());
            assertEquals(List.of(6), parts.get(2).pages());
            assertEquals(Optional.empty(), parts.get(1).fileReference());
            assertEquals(Optional.of("63-10/2025"), parts.get(2).fileReference());
            try (PDDocument second = Loader.loadPDF(parts.get(1).content().toFile())) {
                assertEquals(2, second.getNumberOfPages());
            }
            // a part is a scanned PDF of its own: recognised like any other
            try (Recognition part = recognizer.recognize(parts.get(1).content(), "stapel-2.pdf", "Teil 2")) {
                assertEquals(2, part.pages().size());
                assertTrue(part.pages().get(0).text().contains("Nummer 2"), part.pages().get(0).text());
                assertTrue(part.pages().get(1).text().contains("Nummer 3"), part.pages().get(1).text());
                VeraPdf.assertPdfA2b(read(part.rendition().orElseThrow()));
            }
        }
    }

    @Test
    void ocrsOnlyThePagesOfAPdfThatHaveNoTextAndMakesNoRenditionOfMixedPdfs() throws IOException {
        tesseract.assumeAvailable();
        Path scanned = dir.resolve("scan.pdf");
        LetterScans.toImagePdf(List.of(LetterScans.page(Letter.numbered(7), 200)), 200, scanned);
        Path text = dir.resolve("text.pdf");
        LetterScans.toTextPdf(Letter.numbered(8), text);
        Path mixed = dir.resolve("gemischt.pdf");
        try (PDDocument target = new PDDocument(); PDDocument a = Loader.loadPDF(text.toFile());
             PDDocument b = Loader.loadPDF(scanned.toFile())) {
            target.importPage(a.getPage(0));
            target.importPage(b.getPage(0));
            target.save(mixed.toFile());
        }

        try (Recognition r = recognizer.recognize(mixed, "gemischt.pdf", "Gemischt")) {
            assertEquals("TEXT", r.pages().get(0).source().name());
            assertTrue(r.pages().get(0).text().contains("Nummer 8"), r.pages().get(0).text());
            assertEquals("OCR", r.pages().get(1).source().name());
            assertTrue(r.pages().get(1).text().contains("Nummer 7"), r.pages().get(1).text());
            assertFalse(r.rendition().isPresent(), "born-digital pages cannot become PDF/A here");
        }
    }

    @Test
    void waitsWithAReasonWhenTesseractIsMissing() {
        ScanRecognizer without = recognizer(RecognitionSettings.defaults()
                .withOcr(OcrSettings.defaults().withExecutable("/nonexistent/tesseract")));
        Path scan = png(LetterScans.page(Letter.numbered(9), 150), "ohne.png");

        assertFalse(without.ocr().available());
        RecognitionDeferredException e = assertThrows(RecognitionDeferredException.class,
                () -> without.recognize(scan, "ohne.png", "Ohne OCR"));
        assertTrue(e.getMessage().contains("tesseract-ocr-deu"), e.getMessage());
    }

    @Test
    void anOutOfMemoryErrorOnAnOcrThreadReachesTheWorkerAsItselfNotAsAnOrdinaryFailure() {
        tesseract.assumeAvailable();
        // an OCR pool whose every page runs out of memory on the pool's thread, as a page too big for the heap does
        ExecutorService exhausted = new java.util.concurrent.AbstractExecutorService() {
            @Override
            protected <T> java.util.concurrent.RunnableFuture<T> newTaskFor(java.util.concurrent.Callable<T> page) {
                return new java.util.concurrent.FutureTask<>(() -> {
                    throw new OutOfMemoryError("Java heap space");
                });
            }

            @Override
            public void execute(Runnable task) {
                task.run();
            }

            @Override
            public void shutdown() {
            }

            @Override
            public List<Runnable> shutdownNow() {
                return List.of();
            }

            @Override
            public boolean isShutdown() {
                return false;
            }

            @Override
            public boolean isTerminated() {
                return false;
            }

            @Override
            public boolean awaitTermination(long timeout, java.util.concurrent.TimeUnit unit) {
                return true;
            }
        };
        ScanRecognizer starving = new ScanRecognizer(RecognitionSettings.defaults(), new TikaContentTypeDetector(),
                new TikaTextExtractor(), new MetadataExtractor(), ScanSteps.of(RecognitionSettings.defaults()),
                exhausted, 1);
        Path scan = png(LetterScans.page(Letter.numbered(11), 150), "gross.png");

        assertThrows(OutOfMemoryError.class, () -> starving.recognize(scan, "gross.png", "Zu groß").close());
    }

    @Test
    void aPageTreeNestedTooDeepForPdfBoxLetsItsStackOverflowErrorOutForTheWorkerToCount() throws Exception {
        Path poison = dir.resolve("tief.pdf");
        Files.write(poison, de.akte.ingest.testing.HostilePdfs.deepPageTree(100_000));
        java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
        // a worker thread with the JVM's usual 1 MB stack, as the server's are
        Thread worker = new Thread(null, () -> {
            try {
                recognizer.recognize(poison, "tief.pdf", "Tief").close();
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "worker", 1 << 20);
        worker.start();
        worker.join(120_000);

        assertTrue(thrown.get() instanceof StackOverflowError, () -> "thrown: " + thrown.get());
    }

    @Test
    void quarantinesAnImageClaimingFiftyThousandPixelsSquare() throws IOException {
        tesseract.assumeAvailable();
        Path bomb = dir.resolve("bomb.png");
        Files.write(bomb, LetterScans.pngClaiming(50_000, 50_000));

        QuarantinedContentException e = assertThrows(QuarantinedContentException.class,
                () -> recognizer.recognize(bomb, "bomb.png", "Bombe"));
        assertTrue(e.getMessage().contains("50000"), e.getMessage());
    }

    @Test
    void quarantinesAZipBomb() throws IOException {
        Path zip = dir.resolve("bomb.zip");
        Files.write(zip, LetterScans.zipBomb(200));

        QuarantinedContentException e = assertThrows(QuarantinedContentException.class,
                () -> recognizer.recognize(zip, "bomb.zip", "Bombe"));
        assertTrue(e.getMessage().contains("compression bomb"), e.getMessage());
    }

    @Test
    void quarantinesAnUnknownBinary() throws IOException {
        Path blob = dir.resolve("daten.bin");
        byte[] bytes = new byte[4096];
        new java.util.Random(3).nextBytes(bytes);
        Files.write(blob, bytes);

        QuarantinedContentException e = assertThrows(QuarantinedContentException.class,
                () -> recognizer.recognize(blob, "daten.bin", "Daten"));
        assertTrue(e.getMessage().contains("type of the file could not be recognised"), e.getMessage());
    }

    @Test
    void failsAnEncryptedPdfWithReason() throws IOException {
        Path pdf = dir.resolve("geheim.pdf");
        LetterScans.toTextPdf(Letter.standard(), pdf);
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(pdf.toFile());
        }

        UnreadableContentException e = assertThrows(UnreadableContentException.class,
                () -> recognizer.recognize(pdf, "geheim.pdf", "Geheim"));
        assertTrue(e.getMessage().contains("password"), e.getMessage());
    }

    @Test
    void failsATruncatedPdfWithReason() throws IOException {
        Path whole = dir.resolve("ganz.pdf");
        LetterScans.toTextPdf(Letter.standard(), whole);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("abgeschnitten.pdf");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 3));

        UnreadableContentException e = assertThrows(UnreadableContentException.class,
                () -> recognizer.recognize(cut, "abgeschnitten.pdf", "Abgeschnitten"));
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
    }

    @Test
    void failsAPdfWithoutPages() throws IOException {
        Path empty = dir.resolve("leer.pdf");
        try (PDDocument document = new PDDocument()) {
            document.save(empty.toFile());
        }

        UnreadableContentException e = assertThrows(UnreadableContentException.class,
                () -> recognizer.recognize(empty, "leer.pdf", "Leer"));
        assertTrue(e.getMessage().contains("no pages"), e.getMessage());
    }

    private static WordBox word(RecognizedContent page, String text) {
        return page.words().stream().filter(w -> w.text().startsWith(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no word " + text + " in " + page.text()));
    }

    private static List<String> kinds(Recognition r) {
        return r.fields().stream().map(FoundField::kind).toList();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
