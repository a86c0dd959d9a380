package de.akte.ingest.recognition;

import de.akte.core.recognition.BatchPart;
import de.akte.core.recognition.Capability;
import de.akte.core.recognition.ContentRecognizer;
import de.akte.core.recognition.FoundField;
import de.akte.core.recognition.Recognition;
import de.akte.core.recognition.RecognitionDeferredException;
import de.akte.core.recognition.RecognizedContent;
import de.akte.core.text.ContentTypeDetector;
import de.akte.core.text.ExtractedText;
import de.akte.core.text.QuarantinedContentException;
import de.akte.core.text.TextExtractor;
import de.akte.core.text.UnreadableContentException;
import de.akte.ingest.barcode.BatchSplitter;
import de.akte.ingest.barcode.SeparatorSheetDetector;
import de.akte.ingest.barcode.SeparatorSignal;
import de.akte.ingest.barcode.SplitDocument;
import de.akte.ingest.image.DecodedPageBudget;
import de.akte.ingest.image.JpegTwoThousand;
import de.akte.ingest.image.ScannedPage;
import de.akte.ingest.image.ScannedPageReader;
import de.akte.ingest.image.ScannedPages;
import de.akte.ingest.metadata.ExtractedField;
import de.akte.ingest.metadata.MetadataExtractor;
import de.akte.ingest.ocr.OcrUnavailableException;
import de.akte.ingest.pdfa.ArchivalMetadata;
import de.akte.ingest.pdfa.ArchivalPdfWriter;
import de.akte.ingest.pdfa.ImagePage;
import de.akte.ingest.pdfa.PdfPageWords;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.logging.Logger;

/**
 * The recognition pipeline: detect the type by content, cut scanned batches at separator sheets, OCR image
 * pages (several in parallel on the given pool, one single-threaded Tesseract per thread), keep born-digital
 * text, write the archival PDF/A of scans and extract metadata fields.
 *
 * <p>Thread-safe: one instance serves every processing worker; the pool bounds how many Tesseracts run at once.
 */
public final class ScanRecognizer implements ContentRecognizer {

    private static final Logger LOG = Logger.getLogger(ScanRecognizer.class.getName());
    private static final String PDF = "application/pdf";
    /** Image files that are scans: OCRed page by page. */
    private static final Set<String> IMAGES = Stream.concat(Stream.of("image/png", "image/jpeg", "image/tiff"),
            JpegTwoThousand.mediaTypes().stream()).collect(Collectors.toUnmodifiableSet());
    /** Image files Tesseract reads itself, so a single page is handed over as stored instead of written again. */
    private static final Set<String> TESSERACT_READS = Set.of("image/png", "image/jpeg", "image/tiff");
    private static final String UNKNOWN = "application/octet-stream";

    private final RecognitionSettings settings;
    private final ContentTypeDetector detector;
    private final TextExtractor extractor;
    private final ScannedPageReader reader;
    private final PageOcr pageOcr;
    private final SeparatorSheetDetector separators;
    private final BatchSplitter splitter;
    private final ArchivalPdfWriter pdfWriter;
    private final BatchPartWriter partWriter;
    private final MetadataExtractor metadata;
    private final OcrCapability capability;
    private final ExecutorService ocrPool;
    private final int inFlight;

    /**
     * @param settings    how scans are told from born-digital pages (the steps are built from the same settings)
     * @param steps       what is done to a scan, e.g. {@link ScanSteps#of(RecognitionSettings, DecodedPageBudget)}
     * @param ocrPool     runs page OCR; its size is how many Tesseracts run at once (one per core is right)
     * @param parallelism the pool's size
     */
    public ScanRecognizer(RecognitionSettings settings, ContentTypeDetector detector, TextExtractor extractor,
                          MetadataExtractor metadata, ScanSteps steps, ExecutorService ocrPool, int parallelism) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.detector = Objects.requireNonNull(detector, "detector");
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.ocrPool = Objects.requireNonNull(ocrPool, "ocrPool");
        this.reader = steps.reader();
        this.pageOcr = steps.pageOcr();
        this.separators = steps.separators();
        this.splitter = steps.splitter();
        this.pdfWriter = steps.pdfWriter();
        this.partWriter = steps.partWriter();
        this.capability = steps.ocrCapability();
        // one page more than threads: the next page is decoded while the others are recognised
        this.inFlight = Math.max(1, parallelism) + 1;
    }

    @Override
    public Capability ocr() {
        return capability.current();
    }

    @Override
    public Recognition recognize(Path original, String fileName, String title) {
        String type = detect(original, fileName);
        if (UNKNOWN.equals(type)) {
            throw new QuarantinedContentException("The type of the file could not be recognised from its content; "
                    + "it was not opened. Only documents, e-mails and scans are accepted.");
        }
        if (IMAGES.contains(type)) {
            return recognizeScan(original, type, title, null);
        }
        ExtractedText text = extract(original, fileName);
        if (PDF.equals(type) && text.pages().isEmpty()) {
            throw new UnreadableContentException("The PDF has no pages.");
        }
        if (PDF.equals(type) && text.pages().stream().anyMatch(this::needsOcr)) {
            return recognizeScan(original, type, title, text);
        }
        List<RecognizedContent> pages = text.pages().stream().map(RecognizedContent::text).toList();
        return new Recognition(text.mediaType(), pages, text.metadata(), fields(pages), Optional.empty(), List.of());
    }

    private boolean needsOcr(String pageText) {
        return pageText.codePoints().filter(c -> !Character.isWhitespace(c)).count() < settings.minTextCharacters();
    }

    /** One page of a scan in flight: its OCR, the decoded page it holds, and what the rendition needs to know. */
    private record PendingPage(int index, Future<PageOcr.Result> ocr, ScannedPage page) {
    }

    private Recognition recognizeScan(Path original, String type, String title, ExtractedText born) {
        Capability ocrNow = capability.current();
        if (!ocrNow.available()) {
            throw new RecognitionDeferredException(ocrNow.reason());
        }
        boolean pdf = PDF.equals(type);
        try (ScannedPages pages = reader.open(original, type)) {
            int count = pages.count();
            RecognizedContent[] contents = new RecognizedContent[count];
            PageOcr.Result[] results = new PageOcr.Result[count];
            float[][] dpis = new float[count][];
            List<SeparatorSignal> signals = new ArrayList<>(count);
            Deque<PendingPage> pending = new ArrayDeque<>();
            boolean batch = false;
            boolean allScanned = true;
            try {
                for (int i = 0; i < count; i++) {
                    if (born != null && i < born.pages().size() && !needsOcr(born.pages().get(i))) {
                        contents[i] = RecognizedContent.text(born.pages().get(i));
                        signals.add(SeparatorSignal.none());
                        allScanned = false;
                        continue;
                    }
                    ScannedPage page = pages.page(i);
                    boolean handedOver = false;
                    try {
                        if (page.image() == null) {
                            contents[i] = RecognizedContent.text(page.text().orElse(""));
                            signals.add(SeparatorSignal.none());
                            allScanned = false;
                            continue;
                        }
                        int dpi = dpi(page.dpiX());
                        dpis[i] = new float[] {page.dpiX(), page.dpiY(), page.image().getWidth(),
                                page.image().getHeight()};
                        // a single page cannot be a batch: spare it the barcode search
                        SeparatorSignal signal = count > 1 ? separators.signal(page.image(), dpi)
                                : SeparatorSignal.none();
                        signals.add(signal);
                        batch |= signal.separator();
                        if (batch) {
                            continue;
                        }
                        while (pending.size() >= inFlight) {
                            collect(pending.removeFirst(), contents, results);
                        }
                        Optional<Path> asStored = TESSERACT_READS.contains(type) && count == 1 && !page.reEncoded()
                                ? Optional.of(original) : Optional.empty();
                        var image = page.image();
                        pending.addLast(new PendingPage(i, ocrPool.submit(() -> {
                            try {
                                return pageOcr.recognize(image, dpi, asStored);
                            } finally {
                                page.release();
                            }
                        }), page));
                        handedOver = true;
                    } finally {
                        if (!handedOver) {
                            page.release();
                        }
                    }
                }
                if (batch) {
                    return cutBatch(original, type, title, signals, dpis, pages);
                }
                while (!pending.isEmpty()) {
                    collect(pending.removeFirst(), contents, results);
                }
            } finally {
                // a page cancelled before its OCR started would hold its memory for good
                pending.forEach(p -> {
                    p.ocr().cancel(true);
                    p.page().release();
                });
            }
            List<RecognizedContent> recognized = List.of(contents);
            Optional<Path> rendition = allScanned
                    ? Optional.of(rendition(original, type, title, results, dpis)) : Optional.empty();
            Map<String, String> found = new LinkedHashMap<>(born != null ? born.metadata() : Map.of());
            long ocred = java.util.Arrays.stream(results).filter(Objects::nonNull).count();
            found.put("ocr.pages", Long.toString(ocred));
            return new Recognition(type, recognized, found, fields(recognized), rendition, List.of());
        }
    }

    private static void collect(PendingPage page, RecognizedContent[] contents, PageOcr.Result[] results) {
        try {
            PageOcr.Result result = await(page.ocr());
            results[page.index()] = result;
            contents[page.index()] = result.content();
        } finally {
            // its OCR is over, whether it ran or failed before it started
            page.page().release();
        }
    }

    private static PageOcr.Result await(Future<PageOcr.Result> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for OCR", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof OcrUnavailableException unavailable) {
                throw new RecognitionDeferredException(unavailable.getMessage());
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                // an OutOfMemoryError or StackOverflowError on an OCR thread stopped this document's work: the
                // processing worker counts it as a crash instead of retrying it as an ordinary failure
                throw error;
            }
            throw new IllegalStateException("OCR failed: " + cause, cause);
        }
    }

    // Tesseract only takes 70–2400 dpi; scans outside that range have a wrong resolution tag anyway
    private static int dpi(float value) {
        int dpi = Math.round(value);
        return dpi < 70 || dpi > 2400 ? 300 : dpi;
    }

    private Recognition cutBatch(Path original, String type, String title, List<SeparatorSignal> scanned,
                                 float[][] dpis, ScannedPages pages) {
        // the pages after the first separator were only decoded up to it: look at the rest for separators too
        List<SeparatorSignal> signals = new ArrayList<>(scanned);
        for (int i = signals.size(); i < pages.count(); i++) {
            ScannedPage page = pages.page(i);
            try {
                if (page.image() == null) {
                    signals.add(SeparatorSignal.none());
                    continue;
                }
                dpis[i] = new float[] {page.dpiX(), page.dpiY(), page.image().getWidth(), page.image().getHeight()};
                signals.add(separators.signal(page.image(), dpi(page.dpiX())));
            } finally {
                page.release();
            }
        }
        List<SplitDocument> documents = splitter.split(signals);
        List<BatchPart> parts = new ArrayList<>();
        try {
            for (int d = 0; d < documents.size(); d++) {
                SplitDocument document = documents.get(d);
                String partTitle = title + " (" + (d + 1) + "/" + documents.size() + ")";
                Path content;
                if (PDF.equals(type)) {
                    content = partWriter.fromPdf(original, document.pageIndices());
                } else {
                    List<ImagePage> images = new ArrayList<>();
                    for (int index : document.pageIndices()) {
                        images.add(new ImagePage(original, type, index, (int) dpis[index][2], (int) dpis[index][3],
                                dpis[index][0],
                                dpis[index][1], 0, List.of()));
                    }
                    content = partWriter.fromImages(images, partTitle);
                }
                parts.add(new BatchPart(document.pageIndices().stream().map(i -> i + 1).toList(),
                        document.fileReference(), content, PDF));
            }
        } catch (RuntimeException e) {
            parts.forEach(p -> deleteQuietly(p.content()));
            throw e;
        }
        if (parts.isEmpty()) {
            throw new UnreadableContentException("The scanned batch holds only separator sheets and no document");
        }
        LOG.info(() -> "scanned batch of " + signals.size() + " pages cut into " + documents.size() + " documents");
        return new Recognition(type, List.of(), Map.of("batch.pages", Integer.toString(signals.size())), List.of(),
                Optional.empty(), parts);
    }

    private Path rendition(Path original, String type, String title, PageOcr.Result[] results, float[][] dpis) {
        Path file;
        try {
            file = Files.createTempFile("akte-rendition-", ".pdf");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary file", e);
        }
        ArchivalMetadata info = new ArchivalMetadata(title, null, Instant.now());
        try (OutputStream out = Files.newOutputStream(file)) {
            if (PDF.equals(type)) {
                List<PdfPageWords> pages = new ArrayList<>();
                for (int i = 0; i < results.length; i++) {
                    RecognizedContent c = results[i].content();
                    pages.add(new PdfPageWords(i, c.dpi(), results[i].rotation(), c.width(), c.height(), words(c)));
                }
                pdfWriter.writePdf(original, pages, info, out);
            } else {
                List<ImagePage> pages = new ArrayList<>();
                for (int i = 0; i < results.length; i++) {
                    PageOcr.Result r = results[i];
                    pages.add(new ImagePage(original, type, i, r.rawWidth(), r.rawHeight(), dpis[i][0], dpis[i][1],
                            r.rotation(), words(r.content())));
                }
                pdfWriter.writeImages(pages, info, out);
            }
        } catch (IOException | RuntimeException e) {
            deleteQuietly(file);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new UncheckedIOException("Could not write the archival PDF/A", (IOException) e);
        }
        return file;
    }

    private static List<de.akte.ingest.pdfa.WordBox> words(RecognizedContent content) {
        return content.words().stream().map(w -> new de.akte.ingest.pdfa.WordBox(w.text(), w.x(), w.y(),
                w.x() + w.width(), w.y() + w.height())).toList();
    }

    private List<FoundField> fields(List<RecognizedContent> pages) {
        List<String> texts = pages.stream().map(RecognizedContent::text).toList();
        List<FoundField> found = new ArrayList<>();
        for (ExtractedField f : metadata.extract(texts)) {
            found.add(new FoundField(f.kind().name(), f.value(), f.raw(), f.page(), f.start(), f.end()));
        }
        return found;
    }

    private String detect(Path original, String fileName) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(original))) {
            return detector.detect(in, fileName);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the stored original", e);
        }
    }

    private ExtractedText extract(Path original, String fileName) {
        try (InputStream in = Files.newInputStream(original)) {
            return extractor.extract(in, fileName);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the stored original", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // leftovers in the temp directory are harmless; the failure that brought us here matters more
        }
    }
}
