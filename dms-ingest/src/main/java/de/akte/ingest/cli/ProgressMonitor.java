package de.akte.ingest.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts finished files and pages while the upload threads work, and shows them: on a terminal one line redrawn in
 * place several times a second, otherwise (a log, a pipe) a plain line every five seconds.
 */
final class ProgressMonitor implements AutoCloseable {

    private final PrintStream out;
    private final boolean terminal;
    private final int total;
    private final AtomicInteger done;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicLong pages = new AtomicLong();
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService ticker;
    private int lastWidth;

    ProgressMonitor(PrintStream out, boolean terminal, int total, int alreadyDone) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
        this.done = new AtomicInteger(alreadyDone);
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "akte-progress");
            thread.setDaemon(true);
            return thread;
        });
        long period = terminal ? 250 : 5000;
        ticker.scheduleAtFixedRate(this::show, terminal ? 0 : period, period, TimeUnit.MILLISECONDS);
    }

    void sent(Integer filePages) {
        pages.addAndGet(filePages == null ? 0 : filePages);
        sent.incrementAndGet();
        done.incrementAndGet();
    }

    ProgressLine line() {
        return new ProgressLine(done.get(), total, sent.get(), pages.get(),
                Duration.ofNanos(System.nanoTime() - startNanos));
    }

    private synchronized void show() {
        String text = line().render();
        if (terminal) {
            // pad so a shorter line fully covers the longer one before it
            out.print("\r" + text + " ".repeat(Math.max(0, lastWidth - text.length())));
            lastWidth = text.length();
        } else {
            out.println(text);
        }
        out.flush();
    }

    /** Stops the updates and leaves the final state on screen. */
    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        show();
        if (terminal) {
            out.println();
        }
    }
}
