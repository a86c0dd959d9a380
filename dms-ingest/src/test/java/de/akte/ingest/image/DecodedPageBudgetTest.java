package de.akte.ingest.image;

import de.akte.core.text.UnreadableContentException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pages are admitted by their bytes: large ones one after another, small ones together, impossible ones never. */
class DecodedPageBudgetTest {

    private static final long MB = 1024L * 1024;

    @Test
    void secondLargePageWaitsUntilTheFirstIsReleased() throws Exception {
        DecodedPageBudget budget = new DecodedPageBudget(100 * MB);
        DecodedPageBudget.Admission first = budget.admit(70 * MB, "page 1");
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<DecodedPageBudget.Admission> second = other.submit(() -> budget.admit(70 * MB, "page 2"));
            assertThrows(TimeoutException.class, () -> second.get(300, TimeUnit.MILLISECONDS));

            first.close();

            try (DecodedPageBudget.Admission admitted = second.get(5, TimeUnit.SECONDS)) {
                assertEquals(70 * MB, admitted.bytes());
                assertEquals(30 * MB, budget.availableBytes());
            }
        } finally {
            other.shutdownNow();
        }
        assertEquals(100 * MB, budget.availableBytes());
    }

    @Test
    void refusesPageLargerThanTheWholeBudgetWithReasonNamingTheLimitAndHowToRaiseIt() {
        DecodedPageBudget budget = new DecodedPageBudget(100 * MB);

        UnreadableContentException refused = assertThrows(UnreadableContentException.class,
                () -> budget.admit(300 * MB, "Page 2 of the PDF (20000 × 15000 pixels)"));

        String reason = refused.getMessage();
        assertTrue(reason.startsWith("Page 2 of the PDF (20000 × 15000 pixels) needs about 300 MB"), reason);
        assertTrue(reason.contains("100 MB"), reason);
        assertTrue(reason.contains(DecodedPageBudget.SETTING) && reason.contains("-Xmx"), reason);
        assertEquals(100 * MB, budget.availableBytes(), "a refusal holds nothing");
    }

    @Test
    void smallPagesProceedTogether() throws Exception {
        DecodedPageBudget budget = new DecodedPageBudget(100 * MB);
        int pages = 4;
        CountDownLatch allAdmitted = new CountDownLatch(pages);
        CountDownLatch done = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(pages);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < pages; i++) {
                String name = "page " + i;
                running.add(threads.submit(() -> {
                    try (DecodedPageBudget.Admission ignored = budget.admit(20 * MB, name)) {
                        allAdmitted.countDown();
                        done.await();
                    }
                    return null;
                }));
            }
            // every page holds its share at the same moment: none waited for another's release
            assertTrue(allAdmitted.await(5, TimeUnit.SECONDS));
            assertEquals(20 * MB, budget.availableBytes());
            done.countDown();
            for (Future<?> page : running) {
                page.get(5, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(100 * MB, budget.availableBytes());
    }

    @Test
    void pageFailingWhileDecodedGivesItsShareBack() {
        DecodedPageBudget budget = new DecodedPageBudget(100 * MB);

        assertThrows(IllegalStateException.class, () -> {
            try (DecodedPageBudget.Admission ignored = budget.admit(90 * MB, "page 1")) {
                throw new IllegalStateException("decoder broke");
            }
        });

        assertEquals(100 * MB, budget.availableBytes());
        budget.admit(90 * MB, "page 2").close();
    }

    @Test
    void largePageFirstInLineIsNotOvertakenBySmallerOnes() throws Exception {
        DecodedPageBudget budget = new DecodedPageBudget(100 * MB);
        DecodedPageBudget.Admission held = budget.admit(60 * MB, "page 1");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<DecodedPageBudget.Admission> large = threads.submit(() -> budget.admit(80 * MB, "large"));
            waitUntilQueued(budget, large);
            Future<DecodedPageBudget.Admission> small = threads.submit(() -> budget.admit(10 * MB, "small"));
            // 40 MB are free, enough for the small page, but it queues behind the large one
            assertThrows(TimeoutException.class, () -> small.get(300, TimeUnit.MILLISECONDS));

            held.close();

            large.get(5, TimeUnit.SECONDS).close();
            small.get(5, TimeUnit.SECONDS).close();
        } finally {
            threads.shutdownNow();
        }
        assertEquals(100 * MB, budget.availableBytes());
    }

    @Test
    void shrinkingAndClosingTwiceGiveBackExactlyWhatWasHeld() {
        DecodedPageBudget budget = new DecodedPageBudget(100 * MB);
        DecodedPageBudget.Admission page = budget.admit(50 * MB, "page");

        page.shrinkTo(20 * MB);
        assertEquals(80 * MB, budget.availableBytes());
        page.shrinkTo(40 * MB);
        assertEquals(80 * MB, budget.availableBytes(), "shrinking never takes more");
        page.close();
        page.close();

        assertEquals(100 * MB, budget.availableBytes());
    }

    @Test
    void defaultBudgetIsTheDocumentedShareOfTheHeap() {
        assertEquals(800 * MB, DecodedPageBudget.ofHeap(2000 * MB).bytes(), 1024);
        assertEquals(300 * MB, DecodedPageBudget.of(java.util.OptionalLong.of(300), 2000 * MB).bytes());
    }

    @Test
    void interruptedWaitGivesUpWithoutHoldingAnything() throws Exception {
        DecodedPageBudget budget = new DecodedPageBudget(10 * MB);
        DecodedPageBudget.Admission held = budget.admit(10 * MB, "page 1");
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        Thread waiting = new Thread(() -> {
            try {
                budget.admit(5 * MB, "page 2").close();
                failure.complete(null);
            } catch (RuntimeException e) {
                failure.complete(e);
            }
        });
        waiting.start();
        Thread.sleep(100);
        waiting.interrupt();

        assertTrue(failure.get(5, TimeUnit.SECONDS) instanceof IllegalStateException);
        held.close();
        assertEquals(10 * MB, budget.availableBytes());
    }

    private static void waitUntilQueued(DecodedPageBudget budget, Future<?> waiting) throws InterruptedException {
        // the large page cannot be admitted while page 1 is held; give its thread time to join the queue
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!budget.hasQueuedPages() && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertFalse(waiting.isDone());
    }
}
