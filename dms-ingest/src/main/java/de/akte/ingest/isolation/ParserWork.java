package de.akte.ingest.isolation;

import de.akte.core.recognition.BatchPart;
import de.akte.core.recognition.FoundField;
import de.akte.core.recognition.Recognition;
import de.akte.core.recognition.RecognitionDeferredException;
import de.akte.core.recognition.RecognitionTimedOutException;
import de.akte.core.recognition.RecognizedContent;
import de.akte.core.recognition.WordBox;
import de.akte.core.text.ContentTypeDetector;
import de.akte.core.text.ExtractedText;
import de.akte.core.text.QuarantinedContentException;
import de.akte.core.text.TextExtractor;
import de.akte.core.text.UnreadableContentException;
import de.akte.ingest.detect.TikaContentTypeDetector;
import de.akte.ingest.extract.TikaTextExtractor;
import de.akte.ingest.metadata.MetadataExtractor;
import de.akte.ingest.image.DecodedPageBudget;
import de.akte.ingest.pages.PageRenderLimits;
import de.akte.ingest.pages.RenderedPages;
import de.akte.ingest.recognition.RecognitionSettings;
import de.akte.ingest.recognition.ScanRecognizer;
import de.akte.ingest.recognition.ScanSteps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The work of a reader process: the whole in-process {@link ScanRecognizer} for one file, or one page rendered by
 * {@link RenderedPages}, with a heartbeat after each step (type detection, text extraction, each page's OCR) so the
 * server's watchdog can tell a slow file from one that loops. Produced files move into the job's directory.
 */
final class ParserWork {

    /** The share of a reader's heap its decoded pages may take at once. */
    static final double READER_HEAP_FRACTION = 0.6;

    private final ScanRecognizer recognizer;
    /**
     * A share of this reader's own heap: the server's heap is never touched by a decoded page, and a reader holds
     * nothing but its one file, so it can give pages more than the server's 40 %.
     */
    private final DecodedPageBudget budget = new DecodedPageBudget(
            (long) (Runtime.getRuntime().maxMemory() * READER_HEAP_FRACTION));

    /**
     * @param permits bounds the pages recognised at once across all readers (null: only this reader's threads)
     */
    ParserWork(RecognitionSettings settings, int ocrThreads, OcrPermits permits, Runnable beat) {
        ThreadLocal<FileLock> held = new ThreadLocal<>();
        ThreadPoolExecutor ocrPool = new ThreadPoolExecutor(ocrThreads, ocrThreads, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "ocr");
                    thread.setDaemon(true);
                    return thread;
                }) {
            @Override
            protected void beforeExecute(Thread thread, Runnable task) {
                if (permits != null) {
                    try {
                        held.set(permits.acquire());
                    } catch (InterruptedException e) {
                        thread.interrupt();
                    }
                }
            }

            @Override
            protected void afterExecute(Runnable task, Throwable failure) {
                FileLock lock = held.get();
                held.remove();
                if (lock != null) {
                    try {
                        lock.release();
                    } catch (IOException e) {
                        // the lock goes with the process at the latest
                    }
                }
                beat.run();
            }
        };
        ContentTypeDetector detector = new TikaContentTypeDetector();
        TextExtractor extractor = new TikaTextExtractor();
        ContentTypeDetector beatingDetector = (content, fileName) -> {
            String type = detector.detect(content, fileName);
            beat.run();
            return type;
        };
        TextExtractor beatingExtractor = (content, fileName) -> {
            ExtractedText text = extractor.extract(content, fileName);
            beat.run();
            return text;
        };
        this.recognizer = new ScanRecognizer(settings, beatingDetector, beatingExtractor, new MetadataExtractor(),
                ScanSteps.of(settings, budget), ocrPool, ocrThreads);
    }

    /** Does one job; every failure a Java program can still report becomes a {@link Wire.Failure}. */
    Wire.Answer handle(Wire.Job job) {
        try {
            if (job instanceof Wire.Recognize recognize) {
                return recognize(recognize);
            }
            if (job instanceof Wire.Render render) {
                return render(render);
            }
            return new Wire.Pong();
        } catch (de.akte.core.recognition.PageTooLargeException e) {
            return failure(Wire.FailureKind.PAGE_TOO_LARGE, e.getMessage());
        } catch (UnreadableContentException e) {
            return failure(Wire.FailureKind.UNREADABLE, e.getMessage());
        } catch (QuarantinedContentException e) {
            return failure(Wire.FailureKind.QUARANTINED, e.getMessage());
        } catch (RecognitionDeferredException e) {
            return failure(Wire.FailureKind.DEFERRED, e.getMessage());
        } catch (RecognitionTimedOutException e) {
            return failure(Wire.FailureKind.TIMED_OUT, e.getMessage());
        } catch (IllegalArgumentException e) {
            return failure(job instanceof Wire.Render ? Wire.FailureKind.NO_SUCH_PAGE : Wire.FailureKind.FAILED,
                    e.getMessage());
        } catch (RuntimeException e) {
            return failure(Wire.FailureKind.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (Error e) {
            // a stack overflow in a parser: this process may be in a bad state; the server does not use it again
            return failure(Wire.FailureKind.ERROR, e.getClass().getSimpleName());
        }
    }

    private static Wire.Failure failure(Wire.FailureKind kind, String message) {
        return new Wire.Failure(kind.name(), message == null ? "" : message);
    }

    private Wire.Answer recognize(Wire.Recognize job) {
        Path directory = Path.of(job.jobDirectory());
        try (Recognition recognition = recognizer.recognize(Path.of(job.original()), job.fileName(), job.title())) {
            String rendition = recognition.rendition().map(file -> moveInto(file, directory, "rendition.pdf"))
                    .orElse(null);
            List<Wire.Part> parts = new ArrayList<>();
            for (int i = 0; i < recognition.parts().size(); i++) {
                BatchPart part = recognition.parts().get(i);
                parts.add(new Wire.Part(part.pages().stream().mapToInt(Integer::intValue).toArray(),
                        part.fileReference().orElse(null), moveInto(part.content(), directory, "part-" + (i + 1)
                        + ".pdf"), part.mediaType()));
            }
            List<Wire.Page> pages = new ArrayList<>();
            for (RecognizedContent page : recognition.pages()) {
                List<Wire.Word> words = new ArrayList<>();
                for (WordBox w : page.words()) {
                    words.add(new Wire.Word(w.text(), w.x(), w.y(), w.width(), w.height(), w.confidence()));
                }
                pages.add(new Wire.Page(page.text(), page.source().name(), page.width(), page.height(), page.dpi(),
                        page.rotation(), words.toArray(Wire.Word[]::new)));
            }
            List<String> metadata = new ArrayList<>();
            for (Map.Entry<String, String> entry : recognition.metadata().entrySet()) {
                metadata.add(entry.getKey());
                metadata.add(entry.getValue());
            }
            List<Wire.Field> fields = new ArrayList<>();
            for (FoundField f : recognition.fields()) {
                fields.add(new Wire.Field(f.kind(), f.value(), f.raw(), f.page(), f.start(), f.end()));
            }
            return new Wire.Recognized(recognition.mediaType(), pages.toArray(Wire.Page[]::new),
                    metadata.toArray(String[]::new), fields.toArray(Wire.Field[]::new), rendition,
                    parts.toArray(Wire.Part[]::new));
        }
    }

    private Wire.Answer render(Wire.Render job) {
        Path directory = Path.of(job.jobDirectory());
        // the server has rounded the width to a served one already; its pixel limits apply here, where pixels are
        PageRenderLimits limits = new PageRenderLimits(List.of(job.width()), job.maxSourcePixels(),
                job.maxProducedPixels(), 0);
        byte[] png = new RenderedPages(directory.resolve("cache"), budget, limits)
                .render(job.sha256(), () -> Path.of(job.source()), job.mediaType(), job.pageIndex(), job.width());
        try {
            Files.write(directory.resolve("page.png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the rendered page", e);
        }
        return new Wire.Rendered("page.png");
    }

    private static String moveInto(Path file, Path directory, String name) {
        try {
            Files.move(file, directory.resolve(name));
            return name;
        } catch (IOException e) {
            throw new UncheckedIOException("could not hand over " + name, e);
        }
    }
}
