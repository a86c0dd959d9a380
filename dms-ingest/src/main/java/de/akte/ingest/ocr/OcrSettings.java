package de.akte.ingest.ocr;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How Tesseract is called.
 *
 * @param executable the {@code tesseract} binary, a path or a name looked up on the {@code PATH}
 * @param languages  the trained languages to recognise with, e.g. {@code deu}, {@code eng}
 * @param timeout    how long one page may take before the process is killed
 * @param dpi        the resolution the pages were scanned at; Tesseract sizes its expectations of glyphs by it,
 *                   and it wins over what the image file says (often nothing, or a wrong 72)
 */
public record OcrSettings(String executable, List<String> languages, Duration timeout, int dpi) {

    public OcrSettings {
        Objects.requireNonNull(executable, "executable");
        languages = List.copyOf(languages);
        Objects.requireNonNull(timeout, "timeout");
        if (executable.isBlank()) {
            throw new IllegalArgumentException("executable must not be blank");
        }
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("at least one language is needed");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (dpi < 70 || dpi > 2400) {
            // Tesseract itself rejects values outside this range
            throw new IllegalArgumentException("dpi must be between 70 and 2400: " + dpi);
        }
    }

    /** {@code tesseract} from the {@code PATH}, German and English, 60 s per page, 300 dpi scans. */
    public static OcrSettings defaults() {
        // a 300 dpi A4 page takes ~2 CPU-seconds; a minute leaves room for a busy machine, not for a runaway
        return new OcrSettings("tesseract", List.of("deu", "eng"), Duration.ofSeconds(60), 300);
    }

    /** These settings with another Tesseract program. */
    public OcrSettings withExecutable(String newExecutable) {
        return new OcrSettings(newExecutable, languages, timeout, dpi);
    }

    /** These settings with another timeout. */
    public OcrSettings withTimeout(Duration newTimeout) {
        return new OcrSettings(executable, languages, newTimeout, dpi);
    }

    /** These settings with another resolution hint. */
    public OcrSettings withDpi(int newDpi) {
        return new OcrSettings(executable, languages, timeout, newDpi);
    }

    /** The languages as Tesseract's {@code -l} argument, e.g. {@code deu+eng}. */
    String languageArgument() {
        return String.join("+", languages);
    }
}
