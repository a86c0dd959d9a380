package de.akte.ingest.isolation;

import de.akte.core.health.HealthStatus;
import de.akte.core.recognition.ReaderCrashedException;
import de.akte.core.recognition.Recognition;
import de.akte.core.text.UnreadableContentException;
import de.akte.ingest.detect.TikaContentTypeDetector;
import de.akte.ingest.extract.TikaTextExtractor;
import de.akte.ingest.metadata.MetadataExtractor;
import de.akte.ingest.ocr.OcrSettings;
import de.akte.core.recognition.RecognitionTimedOutException;
import de.akte.ingest.image.DecodedPageBudget;
import de.akte.ingest.pages.PageRenderLimits;
import de.akte.ingest.pages.RenderedPages;
import de.akte.core.recognition.PageTooLargeException;
import de.akte.ingest.recognition.RecognitionSettings;
import de.akte.ingest.recognition.ScanRecognizer;
import de.akte.ingest.recognition.ScanSteps;
import de.akte.ingest.testing.HostilePdfs;
import de.akte.ingest.testing.InstalledTesseract;
import de.akte.ingest.testing.LetterScans;
import de.akte.ingest.testing.LetterScans.Letter;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Recognition and rendering in real reader processes: same results as in the server, and their limits hold. */
class IsolatedRecognizerTest {

    @TempDir
    Path dir;

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
    }

    private ParserPool pool(ParserSettings settings) {
        ParserPool pool = new ParserPool("reader", settings, 1, Executors.defaultThreadFactory());
        opened.add(pool);
        return pool;
    }

    private ParserSettings settings() {
        return ParserSettings.ofThisJvm(dir.resolve("work"), OcrSettings.defaults());
    }

    private Path textPdf(long seed) {
        Path file = dir.resolve("text-" + seed + ".pdf");
        LetterScans.toTextPdf(Letter.numbered(seed), file);
        return file;
    }

    @Test
    void givesTheSameRecognitionAsTheServerForABornDigitalPdfAndAScan() throws IOException {
        InstalledTesseract.probe().assumeAvailable();
        ExecutorService ocrPool = Executors.newFixedThreadPool(1);
        opened.add(ocrPool::shutdownNow);
        ScanRecognizer inProcess = new ScanRecognizer(RecognitionSettings.defaults(), new TikaContentTypeDetector(),
                new TikaTextExtractor(), new MetadataExtractor(), ScanSteps.of(RecognitionSettings.defaults()), ocrPool,
                1);
        IsolatedRecognizer isolated = new IsolatedRecognizer(pool(settings()));
        Path scan = dir.resolve("scan.png");
        LetterScans.toPng(LetterScans.page(Letter.numbered(3)), 300, scan);

        for (Path file : List.of(textPdf(5), scan)) {
            try (Recognition here = inProcess.recognize(file, file.getFileName().toString(), "Brief");
                 Recognition there = isolated.recognize(file, file.getFileName().toString(), "Brief")) {
                assertEquals(here.mediaType(), there.mediaType(), file.toString());
                assertEquals(here.pages(), there.pages(), file.toString());
                assertEquals(here.metadata(), there.metadata(), file.toString());
                assertEquals(here.fields(), there.fields(), file.toString());
                assertEquals(here.rendition().isPresent(), there.rendition().isPresent(), file.toString());
                if (there.rendition().isPresent()) {
                    try (PDDocument a = Loader.loadPDF(here.rendition().get().toFile());
                         PDDocument b = Loader.loadPDF(there.rendition().get().toFile())) {
                        assertEquals(a.getNumberOfPages(), b.getNumberOfPages());
                    }
                }
            }
        }
        assertTrue(Files.readString(dir.resolve("text-5.pdf"), java.nio.charset.StandardCharsets.ISO_8859_1)
                .startsWith("%PDF"), "the original is left as it was");
    }

    @Test
    void aReaderOutOfMemoryEndsInACrashWhileThisJvmIsFineAndTheNextFileGetsAFreshReader() throws IOException {
        InstalledTesseract.probe().assumeAvailable();
        ParserPool pool = pool(settings().withHeap(64));
        IsolatedRecognizer recognizer = new IsolatedRecognizer(pool);
        // two million letters on one page: the text extractor holds a positioned glyph for each
        Path large = dir.resolve("flut.pdf");
        Files.write(large, HostilePdfs.textFlood(20_000));
        assertTrue(Files.size(large) < 1024 * 1024, "a small file");

        ReaderCrashedException crash = assertThrows(ReaderCrashedException.class,
                () -> recognizer.recognize(large, "flut.pdf", "Flut").close());
        assertEquals("the file's reader ran out of its memory (64 MiB)", crash.getMessage());
        assertEquals(HealthStatus.DEGRADED, pool.health().status(), "a crash is news for the operator");
        assertTrue(pool.health().reason().contains("ran out of its memory"), pool.health().reason());

        try (Recognition next = recognizer.recognize(textPdf(9), "text.pdf", "Brief")) {
            assertTrue(next.pageTexts().get(0).contains("Nummer 9"), next.pageTexts().toString());
        }
        assertTrue(isEmpty(pool.jobs()), "job directories are removed");
    }

    @Test
    void aReaderThatReportsNoProgressIsStoppedByTheWatchdog() {
        InstalledTesseract.probe().assumeAvailable();
        // a page's OCR takes seconds without a heartbeat: with a one-second stall limit that is a reader that loops
        IsolatedRecognizer recognizer = new IsolatedRecognizer(pool(settings().withLimits(Duration.ofSeconds(1),
                Duration.ofMinutes(1))));
        Path scan = dir.resolve("scan.png");
        LetterScans.toPng(LetterScans.page(Letter.numbered(4)), 300, scan);
        long start = System.nanoTime();
        ReaderCrashedException crash = assertThrows(ReaderCrashedException.class,
                () -> recognizer.recognize(scan, "scan.png", "Scan").close());
        assertEquals("the file's reader made no progress for 1 s and was stopped", crash.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 30, "stopped soon");
    }

    @Test
    void aReaderStillBusyAtItsTimeLimitIsStopped() {
        InstalledTesseract.probe().assumeAvailable();
        IsolatedRecognizer recognizer = new IsolatedRecognizer(pool(settings().withLimits(Duration.ofMinutes(1),
                Duration.ofSeconds(2))));
        Path scan = dir.resolve("scan.pdf");
        // twelve pages of OCR take far longer than 2 s even on a fast idle machine (one page alone may not)
        List<java.awt.image.BufferedImage> pages = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            pages.add(LetterScans.page(Letter.numbered(6 + i)));
        }
        LetterScans.toImagePdf(pages, LetterScans.DEFAULT_DPI, scan);
        ReaderCrashedException crash = assertThrows(ReaderCrashedException.class,
                () -> recognizer.recognize(scan, "scan.pdf", "Scan").close());
        assertEquals("the file's reader did not finish within 2 s and was stopped", crash.getMessage());
    }

    @Test
    void aStackOverflowInTheReaderIsACrashOfTheFileAndTheReaderIsReplaced() throws IOException {
        InstalledTesseract.probe().assumeAvailable();
        IsolatedRecognizer recognizer = new IsolatedRecognizer(pool(settings()));
        Path poison = dir.resolve("verschachtelt.pdf");
        Files.write(poison, de.akte.ingest.testing.HostilePdfs.deepPageTree(100_000));
        ReaderCrashedException crash = assertThrows(ReaderCrashedException.class,
                () -> recognizer.recognize(poison, "verschachtelt.pdf", "Gift").close());
        assertEquals("the file's reader stopped with a StackOverflowError", crash.getMessage());
        try (Recognition next = recognizer.recognize(textPdf(2), "text.pdf", "Brief")) {
            assertTrue(next.pageTexts().get(0).contains("Nummer 2"));
        }
    }

    @Test
    void keepsTheRecognizersFailureContract() throws IOException {
        IsolatedRecognizer recognizer = new IsolatedRecognizer(pool(settings()));
        byte[] pdf = Files.readAllBytes(textPdf(1));
        Path cut = dir.resolve("kaputt.pdf");
        Files.write(cut, java.util.Arrays.copyOf(pdf, pdf.length / 3));
        assertThrows(UnreadableContentException.class, () -> recognizer.recognize(cut, "kaputt.pdf", "K").close());
    }

    @Test
    void aTesseractPageOverItsTimeLimitInTheReaderComesBackAsATimeOutToTryAgainNotAsUnreadable() throws IOException {
        InstalledTesseract.probe().assumeAvailable();
        // no page of a 300 dpi letter is read in 50 ms: the real Tesseract is stopped at its limit in the reader
        IsolatedRecognizer recognizer = new IsolatedRecognizer(pool(ParserSettings.ofThisJvm(dir.resolve("work"),
                OcrSettings.defaults().withTimeout(Duration.ofMillis(50)))));
        Path scan = dir.resolve("langsam.png");
        LetterScans.toPng(LetterScans.page(Letter.numbered(7)), 300, scan);
        RecognitionTimedOutException e = assertThrows(RecognitionTimedOutException.class,
                () -> recognizer.recognize(scan, "langsam.png", "Brief").close());
        assertTrue(e.getMessage().contains("did not finish within 50 ms"), e.getMessage());
    }

    @Test
    void theReaderRendersWithinTheServersConfiguredPixelLimitsNotItsDefaults() throws IOException {
        Path scan = dir.resolve("seite.png");
        LetterScans.toPng(LetterScans.page(Letter.numbered(9)), 300, scan);
        PageRenderLimits d = PageRenderLimits.defaults();
        // a 300 dpi A4 page decodes to about 8.7 megapixels: over a 2-megapixel cap, far under the default 150
        IsolatedPageImages strict = new IsolatedPageImages(dir.resolve("cache"), pool(settings()),
                new PageRenderLimits(d.widths(), 2_000_000L, d.maxProducedPixels(), d.cacheBytes()));
        PageTooLargeException e = assertThrows(PageTooLargeException.class,
                () -> strict.render("cd".repeat(32), () -> copy(scan), "image/png", 0, 640));
        assertTrue(e.getMessage().contains("2 megapixels"), e.getMessage());
    }

    @Test
    void rendersPagesInItsOwnReaderExactlyAsTheServerWouldAndKeepsThem() throws IOException {
        Path pdf = textPdf(11);
        Path cache = dir.resolve("cache");
        IsolatedPageImages isolated = new IsolatedPageImages(cache, pool(settings()));
        String sha = "ab".repeat(32);
        // 640 is one of the served widths (PageRenderLimits): other widths are rounded up to one
        byte[] there = isolated.render(sha, () -> copy(pdf), "application/pdf", 0, 640);
        byte[] here = new RenderedPages(dir.resolve("other-cache"), DecodedPageBudget.ofHeap(Runtime.getRuntime().maxMemory())).render(sha, () -> copy(pdf), "application/pdf",
                0, 640);
        assertArrayEquals(here, there);
        assertTrue(Files.exists(RenderedPages.keptPage(cache, sha, 0, 640)), "kept in the server's cache");
        assertArrayEquals(there, isolated.render(sha, () -> {
            throw new AssertionError("a kept page is not rendered again");
        }, "application/pdf", 0, 640));
        assertThrows(IllegalArgumentException.class, () -> isolated.render(sha, () -> copy(pdf), "application/pdf", 5,
                640));
    }

    private Path copy(Path file) {
        try {
            Path copy = Files.createTempFile(dir, "source-", ".bin");
            Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (var entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }
}
