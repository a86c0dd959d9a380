package de.akte.ingest.ocr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Whether OCR can run here: the Tesseract binary starts and knows every configured language.
 *
 * @param available true when pages can be recognised
 * @param reason    why not, in a sentence for administrators naming what to install; empty when available
 */
public record OcrAvailability(boolean available, String reason) {

    private static final String PACKAGES = "tesseract-ocr tesseract-ocr-deu tesseract-ocr-eng tesseract-ocr-osd";

    /** Asks {@code tesseract --list-langs}; takes a few milliseconds, so callers may ask again after an install. */
    public static OcrAvailability probe(OcrSettings settings) {
        TesseractProcess.Result result;
        try {
            result = TesseractProcess.run(List.of(settings.executable(), "--list-langs"), Duration.ofSeconds(10));
        } catch (OcrUnavailableException e) {
            return new OcrAvailability(false, "OCR is unavailable: Tesseract ('" + settings.executable()
                    + "') is not installed or cannot be started. On Debian install: " + PACKAGES);
        } catch (TimeoutException e) {
            return new OcrAvailability(false, "OCR is unavailable: 'tesseract --list-langs' did not answer within 10 s");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not ask Tesseract for its languages", e);
        }
        if (result.exitCode() != 0) {
            return new OcrAvailability(false, "OCR is unavailable: 'tesseract --list-langs' failed: "
                    + result.stderrSummary());
        }
        // the first line is a heading ("List of available languages in ..."); Tesseract 3 wrote it all to stderr
        Set<String> installed = (result.stdout() + "\n" + result.stderr()).lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.contains(" "))
                .collect(Collectors.toSet());
        List<String> missing = settings.languages().stream().filter(l -> !installed.contains(l)).toList();
        if (!missing.isEmpty()) {
            return new OcrAvailability(false, "OCR is unavailable: Tesseract lacks the language data "
                    + String.join(", ", missing) + ". On Debian install: "
                    + missing.stream().map(l -> "tesseract-ocr-" + l).collect(Collectors.joining(" ")));
        }
        return new OcrAvailability(true, "");
    }
}
