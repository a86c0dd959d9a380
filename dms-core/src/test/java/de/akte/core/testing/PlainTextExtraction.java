package de.akte.core.testing;

import de.akte.core.recognition.BatchPart;
import de.akte.core.recognition.Capability;
import de.akte.core.recognition.ContentRecognizer;
import de.akte.core.recognition.FoundField;
import de.akte.core.recognition.Recognition;
import de.akte.core.recognition.RecognitionDeferredException;
import de.akte.core.recognition.RecognizedContent;
import de.akte.core.text.ContentTypeDetector;
import de.akte.core.text.QuarantinedContentException;
import de.akte.core.text.ExtractedText;
import de.akte.core.text.TextExtractor;
import de.akte.core.text.UnreadableContentException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The core's stand-in for Tika (which lives in dms-ingest): UTF-8 text, pages separated by form
 * feeds; content starting with "%ENCRYPTED" is unreadable, and a number of transient failures
 * can be scheduled per file name. The real extractor is tested in dms-ingest and end to end in dms-web.
 */
public final class PlainTextExtraction implements TextExtractor, ContentTypeDetector, ContentRecognizer {

    /** File name → how many more times extracting it fails transiently. */
    public final Map<String, AtomicInteger> transientFailures = new ConcurrentHashMap<>();

    /** Whether "scans" (content starting with %SCAN) can be recognised, like an installed Tesseract. */
    public volatile boolean ocrInstalled = true;

    /**
     * Recognises the stand-in formats: plain text as above; {@code %SCAN} needs OCR; {@code %BOMB} is quarantined;
     * {@code %BATCH} followed by parts separated by lines {@code %SEPARATOR [file reference]} is a scanned batch.
     * Poison files take the worker down as a broken parser would: {@code %STACKOVERFLOW} recurses without end (a
     * real StackOverflowError), {@code %OUTOFMEMORY} and {@code %LINKAGE} throw an OutOfMemoryError and a
     * NoClassDefFoundError; {@code %READERDIED} is a file whose separate reader process died with it;
     * {@code %SLOWPAGE} has a page OCR does not finish in time.
     */
    @Override
    public Recognition recognize(Path original, String fileName, String title) {
        String text;
        try (InputStream in = Files.newInputStream(original)) {
            String head = text(original);
            if (head.startsWith("%STACKOVERFLOW")) {
                descend(0);
            }
            if (head.startsWith("%OUTOFMEMORY")) {
                throw new OutOfMemoryError("Java heap space");
            }
            if (head.startsWith("%READERDIED")) {
                throw new de.akte.core.recognition.ReaderCrashedException(
                        "the file's reader ran out of its memory (512 MiB)");
            }
            if (head.startsWith("%SLOWPAGE")) {
                throw new de.akte.core.recognition.RecognitionTimedOutException(
                        "Text recognition of the page did not finish within 120000 ms and was stopped");
            }
            if (head.startsWith("%LINKAGE")) {
                throw new NoClassDefFoundError("com/example/codec/MissingDecoder");
            }
            if (head.startsWith("%BOMB")) {
                throw new QuarantinedContentException("The file unpacks to far more data than it contains.");
            }
            text = text(original);
            if (text.startsWith("%SCAN")) {
                if (!ocrInstalled) {
                    throw new RecognitionDeferredException("Text recognition (OCR) is not available: tesseract is not installed");
                }
                text = text.substring("%SCAN".length()).strip();
            }
            if (text.startsWith("%BATCH")) {
                return batch(text);
            }
            ExtractedText extracted = extract(in, fileName);
            List<FoundField> fields = new ArrayList<>();
            Matcher date = Pattern.compile("\\d{4}-\\d{2}-\\d{2}").matcher(text);
            if (date.find()) {
                fields.add(new FoundField("DOCUMENT_DATE", date.group(), date.group(), 1, date.start(), date.end()));
            }
            Matcher reference = Pattern.compile("%REF (\\S+)").matcher(text);
            if (reference.find()) {
                fields.add(new FoundField("FILE_REFERENCE", reference.group(1), reference.group(1), 1,
                        reference.start(1), reference.end(1)));
            }
            return new Recognition(extracted.mediaType(),
                    extracted.pages().stream().map(RecognizedContent::text).toList(), extracted.metadata(), fields,
                    Optional.empty(), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // a nesting without end, as a crafted file drives a recursive parser
    private static int descend(int depth) {
        return descend(depth + 1) + 1;
    }

    private static Recognition batch(String text) throws IOException {
        List<BatchPart> parts = new ArrayList<>();
        String[] chunks = text.substring("%BATCH".length()).split("%SEPARATOR");
        int page = 1;
        for (int i = 1; i < chunks.length; i++) {
            String chunk = chunks[i];
            int newline = chunk.indexOf('\n');
            String reference = newline < 0 ? chunk.strip() : chunk.substring(0, newline).strip();
            String body = newline < 0 ? "" : chunk.substring(newline + 1).strip();
            Path file = Files.createTempFile("akte-part-", ".txt");
            Files.writeString(file, body);
            parts.add(new BatchPart(List.of(++page), reference.isEmpty() ? Optional.empty() : Optional.of(reference),
                    file, "text/plain"));
            page++;
        }
        return new Recognition("text/plain", List.of(), Map.of(), List.of(), Optional.empty(), parts);
    }

    private static String text(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    @Override
    public Capability ocr() {
        return ocrInstalled ? Capability.ready() : Capability.missing("tesseract is not installed");
    }

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
