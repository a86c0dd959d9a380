package de.akte.core.application;

import de.akte.core.text.ContentTypeDetector;
import de.akte.core.text.ExtractedText;
import de.akte.core.text.TextExtractor;
import de.akte.core.text.UnreadableContentException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The core's stand-in for Tika (which lives in dms-ingest): UTF-8 text, pages separated by form
 * feeds; content starting with "%ENCRYPTED" is unreadable, and a number of transient failures
 * can be scheduled per file name. The real extractor is tested in dms-ingest and end to end in dms-web.
 */
final class PlainTextExtraction implements TextExtractor, ContentTypeDetector {

    /** File name → how many more times extracting it fails transiently. */
    final Map<String, AtomicInteger> transientFailures = new ConcurrentHashMap<>();

    @Override
    public ExtractedText extract(InputStream content, String fileName) {
        AtomicInteger failures = transientFailures.get(fileName);
        if (failures != null && failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("extractor temporarily unavailable");
        }
        String text;
        try {
            text = new String(content.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (text.startsWith("%ENCRYPTED")) {
            throw new UnreadableContentException("The PDF is password-protected and cannot be read.");
        }
        return new ExtractedText("text/plain", Arrays.asList(text.split("\f")), Map.of("title", fileName));
    }

    @Override
    public String detect(InputStream content, String fileName) {
        try {
            content.mark(4);
            byte[] head = content.readNBytes(4);
            content.reset();
            return head.length >= 2 && head[0] == 'M' && head[1] == 'Z' ? "application/x-msdownload" : "text/plain";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
