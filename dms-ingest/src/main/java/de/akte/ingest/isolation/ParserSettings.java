package de.akte.ingest.isolation;

import de.akte.ingest.ocr.OcrSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How reader processes are started and limited.
 *
 * @param java         the {@code java} program (that of the server's own runtime)
 * @param classPath    the reader's class path: dms-ingest and its runtime dependencies
 * @param workRoot     where job and process directories are made; the server's own, cleaned when the pool starts
 * @param heapMiB      each reader's {@code -Xmx}
 * @param stallLimit   a reader reporting no progress (a step, a page) for this long is stopped
 * @param timeLimit    a reader still busy with one file after this long is stopped
 * @param renderLimit  the time limit for rendering one page for the viewer
 * @param recycleAfter a reader is replaced after this many files, so what a parser leaks does not accumulate
 * @param ocrThreads   pages recognised at once (one single-threaded Tesseract each), by one reader and by all readers
 *                     together: they share that many permits, as the server's threads shared one pool before
 * @param ocr          Tesseract's settings, handed to the readers
 */
public record ParserSettings(Path java, String classPath, Path workRoot, int heapMiB, Duration stallLimit,
                             Duration timeLimit, Duration renderLimit, int recycleAfter, int ocrThreads,
                             OcrSettings ocr) {

    /** 512 MiB: two readers and the viewer's renderer fit beside a 2 GiB server on a 4 GiB machine. */
    public static final int DEFAULT_HEAP_MIB = 512;
    /** Longer than a page's OCR limit (120 s) and a text extraction's (5 minutes). */
    public static final Duration DEFAULT_STALL_LIMIT = Duration.ofSeconds(330);
    /** Just under a processing worker's 15-minute lease, which would otherwise count the file as a crash anyway. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofMinutes(14);
    public static final Duration DEFAULT_RENDER_LIMIT = Duration.ofSeconds(60);
    /**
     * A fresh reader costs a JVM start and Tika's set-up (seconds of CPU): at 50 files that halved born-digital ingest.
     * Readers hold ~20 MiB live after 1,750 files, and a leak could only end in the reader's own heap limit.
     */
    public static final int DEFAULT_RECYCLE_AFTER = 1000;

    public ParserSettings {
        Objects.requireNonNull(java, "java");
        Objects.requireNonNull(classPath, "classPath");
        Objects.requireNonNull(workRoot, "workRoot");
        Objects.requireNonNull(stallLimit, "stallLimit");
        Objects.requireNonNull(timeLimit, "timeLimit");
        Objects.requireNonNull(renderLimit, "renderLimit");
        Objects.requireNonNull(ocr, "ocr");
        if (heapMiB < 32) {
            throw new IllegalArgumentException("a reader needs at least 32 MiB of heap");
        }
        if (recycleAfter < 1 || ocrThreads < 1) {
            throw new IllegalArgumentException("recycleAfter and ocrThreads must be at least 1");
        }
    }

    /** The defaults, with the running JVM's {@code java} and class path: for tests and the command line. */
    public static ParserSettings ofThisJvm(Path workRoot, OcrSettings ocr) {
        return new ParserSettings(Path.of(System.getProperty("java.home"), "bin", "java"),
                System.getProperty("java.class.path"), workRoot, DEFAULT_HEAP_MIB, DEFAULT_STALL_LIMIT,
                DEFAULT_TIME_LIMIT, DEFAULT_RENDER_LIMIT, DEFAULT_RECYCLE_AFTER, 1, ocr);
    }

    public ParserSettings withHeap(int mib) {
        return new ParserSettings(java, classPath, workRoot, mib, stallLimit, timeLimit, renderLimit, recycleAfter,
                ocrThreads, ocr);
    }

    public ParserSettings withLimits(Duration stall, Duration time) {
        return new ParserSettings(java, classPath, workRoot, heapMiB, stall, time, renderLimit, recycleAfter,
                ocrThreads, ocr);
    }

    public ParserSettings withOcrThreads(int threads) {
        return new ParserSettings(java, classPath, workRoot, heapMiB, stallLimit, timeLimit, renderLimit,
                recycleAfter, threads, ocr);
    }
}
