package de.akte.ingest.image;

import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import de.akte.core.text.UnreadableContentException;

/**
 * The heap that decoded page images may take at once, shared by every processing worker, OCR thread and page
 * rendering of one JVM. Each page is admitted by its estimated bytes before its pixels are allocated and holds
 * them until it is released: large pages wait their turn (first come, first served) instead of exhausting the
 * heap together, and a page that could never fit is refused with a reason.
 *
 * <p>The estimate is {@code width × height ×} bytes per pixel, counting every copy that exists at once: the
 * decoded samples, the gray page, a turned or straightened copy. It is an upper bound, not a measurement.
 *
 * <p>Thread-safe. One instance per JVM: built from that JVM's own heap, so it works in the server and in any
 * child process with a heap of its own.
 */
public final class DecodedPageBudget {

    /** The share of the heap decoded pages may take by default; the rest is for parsers, the index and requests. */
    public static final double DEFAULT_HEAP_FRACTION = 0.4;
    /** The setting that overrides the budget, named in refusals. */
    public static final String SETTING = "AKTE_DECODED_PAGE_BUDGET_MB";
    /** Bytes per pixel a page holds while it waits for and goes through OCR: the gray page and a straightened copy. */
    public static final double RETAINED_BYTES_PER_PIXEL = 2;

    private static final long MB = 1024L * 1024;
    /** Permits count kibibytes: a semaphore counts in {@code int}, and 2³¹ KiB is two terabytes. */
    private static final int UNIT = 1024;

    private final long bytes;
    private final Semaphore permits;

    /** A budget of {@code bytes} (at least one mebibyte). */
    public DecodedPageBudget(long bytes) {
        if (bytes < MB) {
            throw new IllegalArgumentException("a decoded page budget needs at least 1 MB: " + bytes);
        }
        long units = Math.min(Integer.MAX_VALUE, bytes / UNIT);
        this.bytes = units * UNIT;
        // fair: a large page first in line is not overtaken forever by a stream of small ones
        this.permits = new Semaphore((int) units, true);
    }

    /** {@link #DEFAULT_HEAP_FRACTION} of a heap of {@code maxHeapBytes} ({@link Runtime#maxMemory()}). */
    public static DecodedPageBudget ofHeap(long maxHeapBytes) {
        return new DecodedPageBudget(Math.max(MB, (long) (maxHeapBytes * DEFAULT_HEAP_FRACTION)));
    }

    /** A budget of {@code megabytes} when given, else the default share of the heap. */
    public static DecodedPageBudget of(java.util.OptionalLong megabytes, long maxHeapBytes) {
        return megabytes.isPresent() ? new DecodedPageBudget(megabytes.getAsLong() * MB) : ofHeap(maxHeapBytes);
    }

    /** The whole budget in bytes. */
    public long bytes() {
        return bytes;
    }

    /** Bytes not admitted right now. */
    public long availableBytes() {
        return (long) permits.availablePermits() * UNIT;
    }

    /** Whether a page is waiting to be admitted right now. */
    public boolean hasQueuedPages() {
        return permits.hasQueuedThreads();
    }

    /** The estimated bytes of a page of {@code width × height} pixels at {@code bytesPerPixel}. */
    public static long estimate(long width, long height, double bytesPerPixel) {
        return (long) Math.ceil((double) width * height * bytesPerPixel);
    }

    /**
     * Waits until {@code bytes} are free, then holds them until the admission is closed.
     *
     * @param what the page, for the reason of a refusal: "Page 3 of the PDF (20000 × 30000 pixels)"
     * @throws UnreadableContentException if {@code bytes} are more than the whole budget: waiting would never end
     * @throws IllegalStateException      if the thread is interrupted while it waits
     */
    public Admission admit(long bytes, String what) {
        if (bytes > this.bytes) {
            throw new UnreadableContentException(String.format(Locale.ROOT,
                    "%s needs about %,d MB of memory to decode, more than the %,d MB this server allows for all "
                            + "decoded pages at once; an administrator can raise the limit (AKTE_PARSER_HEAP_MB "
                            + "for reader processes, %s when files are read in the server) and retry the document",
                    what, megabytesUp(bytes), this.bytes / MB, SETTING));
        }
        int units = units(bytes);
        try {
            permits.acquire(units);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for memory to decode " + what, e);
        }
        return new Admission(permits, units);
    }

    private static int units(long bytes) {
        return (int) Math.max(1, (bytes + UNIT - 1) / UNIT);
    }

    private static long megabytesUp(long bytes) {
        return (bytes + MB - 1) / MB;
    }

    /** Bytes held for one page; closing gives them back, once, however often it is called. */
    public static final class Admission implements AutoCloseable {

        private final Semaphore permits;
        private final AtomicLong held;

        private Admission(Semaphore permits, int units) {
            this.permits = permits;
            this.held = new AtomicLong(units);
        }

        /** An admission that holds nothing: a page with a text layer and no image. */
        public static Admission none() {
            return new Admission(null, 0);
        }

        /** Bytes held now. */
        public long bytes() {
            return held.get() * UNIT;
        }

        /** Gives back what is held beyond {@code bytes}: the copies made while decoding are garbage now. */
        public void shrinkTo(long bytes) {
            long keep = bytes <= 0 ? 0 : units(bytes);
            long before = held.getAndAccumulate(keep, Math::min);
            if (before > keep && permits != null) {
                permits.release((int) (before - keep));
            }
        }

        @Override
        public void close() {
            long before = held.getAndSet(0);
            if (before > 0 && permits != null) {
                permits.release((int) before);
            }
        }
    }
}
