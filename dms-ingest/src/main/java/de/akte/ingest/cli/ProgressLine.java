package de.akte.ingest.cli;

import java.time.Duration;
import java.util.Locale;

/**
 * One progress line, e.g. {@code [=====>    ] 312/1000 files · 1.4k pages · 38.2 pages/min · ETA 4m12s}.
 * {@code done} counts every finished file including those skipped as already imported; the rates and the ETA use
 * only the files sent in this run, as skipped ones take no time.
 */
record ProgressLine(int done, int total, int sent, long pages, Duration elapsed) {

    static final int BAR_WIDTH = 10;

    String render() {
        return bar() + " " + done + "/" + total + " files · " + pages(pages) + " pages · "
                + String.format(Locale.ROOT, "%.1f", pagesPerMinute()) + " pages/min · ETA " + eta();
    }

    String bar() {
        int filled = total == 0 ? BAR_WIDTH : (int) ((long) BAR_WIDTH * Math.min(done, total) / total);
        if (filled >= BAR_WIDTH) {
            return "[" + "=".repeat(BAR_WIDTH) + "]";
        }
        return "[" + "=".repeat(filled) + ">" + " ".repeat(BAR_WIDTH - filled - 1) + "]";
    }

    double pagesPerMinute() {
        long millis = elapsed.toMillis();
        return millis <= 0 ? 0 : pages * 60_000.0 / millis;
    }

    /** Remaining files times the average time per file sent so far; "--" until the first file is through. */
    String eta() {
        int remaining = Math.max(0, total - done);
        if (remaining == 0) {
            return "0s";
        }
        if (sent == 0) {
            return "--";
        }
        long seconds = Math.round(elapsed.toMillis() / 1000.0 / sent * remaining);
        return duration(seconds);
    }

    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + String.format(Locale.ROOT, "%02d", seconds % 60) + "s";
        }
        return seconds / 3600 + "h" + String.format(Locale.ROOT, "%02d", seconds % 3600 / 60) + "m";
    }

    static String pages(long pages) {
        if (pages < 1000) {
            return Long.toString(pages);
        }
        if (pages < 1_000_000) {
            return String.format(Locale.ROOT, "%.1fk", pages / 1000.0);
        }
        return String.format(Locale.ROOT, "%.1fM", pages / 1_000_000.0);
    }
}
