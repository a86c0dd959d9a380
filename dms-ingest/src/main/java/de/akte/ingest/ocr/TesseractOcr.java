package de.akte.ingest.ocr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

import de.akte.core.text.UnreadableContentException;

/**
 * Recognises the text and word boxes of one page image (PNG, TIFF, JPEG) with the {@code tesseract} command.
 *
 * <p>One call is one single-threaded Tesseract process ({@code OMP_THREAD_LIMIT=1}, automatic layout with or
 * without orientation detection, see {@link Layout}) with a timeout; callers get parallelism by running one call per core.
 * The command line tool, not Tess4J: a crash in native code then ends one process, not the JVM.
 *
 * <p>Failures: an unreadable image gives {@link UnreadableContentException} with Tesseract's own complaint; a
 * page that takes too long gives {@link OcrTimeoutException}; a missing Tesseract gives
 * {@link OcrUnavailableException}. Thread-safe: create once and share.
 */
public final class TesseractOcr {

    private final OcrSettings settings;
    private final HocrParser parser;

    public TesseractOcr(OcrSettings settings, HocrParser parser) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    /** Recognises with the given settings and the standard {@link HocrParser}. */
    public TesseractOcr(OcrSettings settings) {
        this(settings, new HocrParser());
    }

    /** How Tesseract finds the text on the page. */
    public enum Layout {
        /** Automatic layout of a page taken as upright ({@code --psm 3}). */
        UPRIGHT("3"),
        /**
         * Automatic layout after detecting the page's orientation ({@code --psm 1}); the detection costs about a
         * fifth more time per page.
         */
        DETECT_ORIENTATION("1");

        private final String psm;

        Layout(String psm) {
            this.psm = psm;
        }
    }

    /** Recognises one page image at the configured resolution; a multi-page TIFF gives its first page only. */
    public RecognizedPage recognize(Path pageImage) {
        return recognize(pageImage, settings.dpi());
    }

    /** Recognises one page image scanned at the given resolution, detecting its orientation. */
    public RecognizedPage recognize(Path pageImage, int dpi) {
        return recognize(pageImage, dpi, Layout.DETECT_ORIENTATION);
    }

    /** Recognises one page image scanned at the given resolution with the given layout analysis. */
    public RecognizedPage recognize(Path pageImage, int dpi, Layout layout) {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(pageImage, "pageImage");
        requireImage(pageImage);
        TesseractProcess.Result result;
        try {
            result = TesseractProcess.run(command(pageImage, dpi, layout), settings.timeout());
        } catch (TimeoutException e) {
            throw new OcrTimeoutException("Text recognition of the page did not finish within "
                    + settings.timeout().toMillis() + " ms and was stopped");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run Tesseract", e);
        }
        if (result.exitCode() != 0 || !result.stdout().contains("ocr_page")) {
            String complaint = result.stderrSummary();
            throw new UnreadableContentException("Tesseract could not read the page image"
                    + (complaint.isEmpty() ? " (exit code " + result.exitCode() + ")" : ": " + complaint));
        }
        return parser.parse(result.stdout());
    }

    private List<String> command(Path pageImage, int dpi, Layout layout) {
        List<String> command = new ArrayList<>();
        command.add(settings.executable());
        // absolute: a relative name starting with "-" or the name "stdin" would mean something else to Tesseract
        command.add(pageImage.toAbsolutePath().toString());
        command.add("stdout");
        command.addAll(List.of("-l", settings.languageArgument(), "--psm", layout.psm,
                "--dpi", Integer.toString(dpi), "hocr"));
        return command;
    }

    // Tesseract reads any file that is not an image as a list of image paths, one a line, and opens those;
    // only images known by their first bytes go in
    private static void requireImage(Path pageImage) {
        byte[] head = new byte[4];
        int read;
        try (InputStream in = Files.newInputStream(pageImage)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the page image " + pageImage, e);
        }
        if (read < head.length || !(isPng(head) || isTiff(head) || isJpeg(head))) {
            throw new UnreadableContentException("The page is not a PNG, TIFF or JPEG image");
        }
    }

    private static boolean isPng(byte[] h) {
        return (h[0] & 0xff) == 0x89 && h[1] == 'P' && h[2] == 'N' && h[3] == 'G';
    }

    private static boolean isTiff(byte[] h) {
        return (h[0] == 'I' && h[1] == 'I' && h[2] == 42 && h[3] == 0)
                || (h[0] == 'M' && h[1] == 'M' && h[2] == 0 && h[3] == 42);
    }

    private static boolean isJpeg(byte[] h) {
        return (h[0] & 0xff) == 0xff && (h[1] & 0xff) == 0xd8 && (h[2] & 0xff) == 0xff;
    }
}
