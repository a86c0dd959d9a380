package de.akte.ingest.recognition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import de.akte.core.recognition.Recognition;
import de.akte.core.text.UnreadableContentException;
import de.akte.ingest.detect.TikaContentTypeDetector;
import de.akte.ingest.extract.TikaTextExtractor;
import de.akte.ingest.image.DecodedPageBudget;
import de.akte.ingest.metadata.MetadataExtractor;
import de.akte.ingest.testing.InstalledTesseract;
import de.akte.ingest.testing.LetterScans;
import de.akte.ingest.testing.LetterScans.Letter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recognition admits each decoded page against the budget and gives it back when its OCR is done. */
class ScanRecognizerBudgetTest {

    private static final long MB = 1024L * 1024;
    /** An A4 page at 150 dpi is 1240 × 1754 pixels: about 4.2 MB as a gray page with deskew's copy. */
    private static final int DPI = 150;

    @TempDir
    Path dir;

    private final InstalledTesseract tesseract = InstalledTesseract.probe();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private ExecutorService threads;
    private ExecutorService pool;

    @BeforeEach
    void start() {
        threads = Executors.newFixedThreadPool(2);
        pool = new CountingPool(threads);
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void multiPageScanWithRoomForOnePageIsRecognisedOnePageAtATime() throws Exception {
        tesseract.assumeAvailable();
        Path scan = dir.resolve("zwei.tif");
        LetterScans.toTiff(List.of(LetterScans.page(Letter.numbered(1), DPI), LetterScans.page(Letter.numbered(2), DPI)),
                DPI, scan, "LZW");
        DecodedPageBudget budget = new DecodedPageBudget(6 * MB);

        try (Recognition r = recognizer(budget).recognize(scan, "zwei.tif", "Zwei Seiten")) {
            assertEquals(2, r.pages().size());
            for (int i = 0; i < 2; i++) {
                String text = r.pages().get(i).text();
                assertTrue(text.contains("Nummer " + (i + 1)), text);
            }
        }

        assertEquals(1, mostAtOnce.get(), "two OCR threads, but room for one page: pages must take turns");
        assertEquals(budget.bytes(), budget.availableBytes(), "every page gave its memory back");
    }

    @Test
    void sameScanWithRoomForSeveralPagesRecognisesThemTogether() throws Exception {
        tesseract.assumeAvailable();
        Path scan = dir.resolve("zwei.tif");
        LetterScans.toTiff(List.of(LetterScans.page(Letter.numbered(4), DPI), LetterScans.page(Letter.numbered(5), DPI)),
                DPI, scan, "LZW");
        DecodedPageBudget budget = new DecodedPageBudget(64 * MB);

        recognizer(budget).recognize(scan, "zwei.tif", "Zwei Seiten").close();

        assertEquals(2, mostAtOnce.get());
        assertEquals(budget.bytes(), budget.availableBytes());
    }

    @Test
    void pageLargerThanTheWholeBudgetFailsWithReasonAndHoldsNothing() {
        Path scan = dir.resolve("gross.png");
        LetterScans.toPng(LetterScans.page(Letter.numbered(6), DPI), DPI, scan);
        DecodedPageBudget budget = new DecodedPageBudget(2 * MB);

        UnreadableContentException refused = assertThrows(UnreadableContentException.class,
                () -> recognizer(budget).recognize(scan, "gross.png", "Zu groß").close());

        assertTrue(refused.getMessage().startsWith("Page 1 of the image (1240 × 1754 pixels) needs about 5 MB"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("the 2 MB this server allows"), refused.getMessage());
        assertEquals(budget.bytes(), budget.availableBytes());
    }

    @Test
    void pagesWhoseOcrFailsOrNeverStartsGiveTheirMemoryBack() {
        tesseract.assumeAvailable();
        Path scan = dir.resolve("drei.tif");
        LetterScans.toTiff(List.of(LetterScans.page(Letter.numbered(7), DPI), LetterScans.page(Letter.numbered(8), DPI),
                LetterScans.page(Letter.numbered(9), DPI)), DPI, scan, "LZW");
        DecodedPageBudget budget = new DecodedPageBudget(16 * MB);
        // every page's OCR fails on the pool's thread in place of the page's own work, which thus never runs
        ExecutorService failing = new CountingPool(threads) {
            @Override
            protected <T> java.util.concurrent.RunnableFuture<T> newTaskFor(java.util.concurrent.Callable<T> page) {
                return new java.util.concurrent.FutureTask<>(() -> {
                    throw new IllegalStateException("Tesseract crashed");
                });
            }
        };
        ScanRecognizer broken = new ScanRecognizer(RecognitionSettings.defaults(), new TikaContentTypeDetector(),
                new TikaTextExtractor(), new MetadataExtractor(), ScanSteps.of(RecognitionSettings.defaults(), budget),
                failing, 2);

        IllegalStateException failed = assertThrows(IllegalStateException.class,
                () -> broken.recognize(scan, "drei.tif", "Drei Seiten").close());

        assertEquals("Tesseract crashed", failed.getMessage());
        assertEquals(budget.bytes(), budget.availableBytes());
    }

    private ScanRecognizer recognizer(DecodedPageBudget budget) {
        return new ScanRecognizer(RecognitionSettings.defaults(), new TikaContentTypeDetector(),
                new TikaTextExtractor(), new MetadataExtractor(), ScanSteps.of(RecognitionSettings.defaults(), budget),
                pool, 2);
    }

    /** Two real threads that count how many pages are recognised at the same moment. */
    private class CountingPool extends AbstractExecutorService {

        private final ExecutorService threads;

        CountingPool(ExecutorService threads) {
            this.threads = threads;
        }

        @Override
        public void execute(Runnable task) {
            threads.execute(() -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    task.run();
                } finally {
                    running.decrementAndGet();
                }
            });
        }

        @Override
        public void shutdown() {
            threads.shutdown();
        }

        @Override
        public List<Runnable> shutdownNow() {
            return threads.shutdownNow();
        }

        @Override
        public boolean isShutdown() {
            return threads.isShutdown();
        }

        @Override
        public boolean isTerminated() {
            return threads.isTerminated();
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
            return threads.awaitTermination(timeout, unit);
        }
    }
}
