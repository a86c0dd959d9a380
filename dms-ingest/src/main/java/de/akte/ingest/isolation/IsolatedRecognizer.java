package de.akte.ingest.isolation;

import de.akte.core.recognition.BatchPart;
import de.akte.core.recognition.Capability;
import de.akte.core.recognition.ContentRecognizer;
import de.akte.core.recognition.FoundField;
import de.akte.core.recognition.PageSource;
import de.akte.core.recognition.ReaderCrashedException;
import de.akte.core.recognition.Recognition;
import de.akte.core.recognition.RecognitionDeferredException;
import de.akte.core.recognition.RecognitionTimedOutException;
import de.akte.core.recognition.RecognizedContent;
import de.akte.core.recognition.WordBox;
import de.akte.core.text.QuarantinedContentException;
import de.akte.core.text.UnreadableContentException;
import de.akte.ingest.recognition.OcrCapability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises each file in a separate reader process (the whole {@link de.akte.ingest.recognition.ScanRecognizer}
 * there), so a file that exhausts memory, overflows a stack or loops costs only that process. Outcomes keep the
 * recogniser's contract; a reader that died or was stopped with the file ends in a {@link ReaderCrashedException}.
 */
public final class IsolatedRecognizer implements ContentRecognizer {

    /** The only names a reader may give its produced files: no path, no link out of the job directory. */
    private static final Pattern OUTPUT = Pattern.compile("[a-z0-9-]{1,40}\\.pdf");

    private final ParserPool readers;
    private final OcrCapability ocr;

    public IsolatedRecognizer(ParserPool readers) {
        this.readers = readers;
        this.ocr = new OcrCapability(readers.settings().ocr());
    }

    @Override
    public Capability ocr() {
        return ocr.current();
    }

    @Override
    public Recognition recognize(Path original, String fileName, String title) {
        ParserSettings settings = readers.settings();
        Path job = Directories.create(readers.jobs(), "job-");
        try {
            return readers.run(new Wire.Recognize(original.toAbsolutePath().toString(), fileName, title,
                    job.toString()), settings.stallLimit(), settings.timeLimit(), answer -> accept(answer, job));
        } catch (ReaderUnavailableException e) {
            // the server's fault, not the file's: the document waits until readers start again
            throw new RecognitionDeferredException(e.getMessage());
        } finally {
            Directories.deleteQuietly(job);
        }
    }

    private static Recognition accept(Wire.Answer answer, Path job) {
        if (answer instanceof Wire.Failure failure) {
            throw Failures.of(failure);
        }
        if (!(answer instanceof Wire.Recognized found)) {
            throw new ReaderCrashedException("the file's reader sent an answer that was refused (a "
                    + answer.getClass().getSimpleName() + " instead of a recognition)");
        }
        List<Path> taken = new ArrayList<>();
        try {
            List<RecognizedContent> pages = new ArrayList<>();
            for (Wire.Page page : found.pages()) {
                List<WordBox> words = new ArrayList<>();
                for (Wire.Word w : page.words()) {
                    words.add(new WordBox(w.text(), w.x(), w.y(), w.width(), w.height(), w.confidence()));
                }
                pages.add(new RecognizedContent(page.text(), PageSource.valueOf(page.source()), page.width(),
                        page.height(), page.dpi(), page.rotation(), words));
            }
            if (found.metadata().length % 2 != 0) {
                throw new IllegalArgumentException("metadata without a value");
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            for (int i = 0; i < found.metadata().length; i += 2) {
                metadata.put(found.metadata()[i], found.metadata()[i + 1]);
            }
            List<FoundField> fields = new ArrayList<>();
            for (Wire.Field f : found.fields()) {
                fields.add(new FoundField(f.kind(), f.value(), f.raw(), f.page(), f.start(), f.end()));
            }
            Optional<Path> rendition = Optional.empty();
            if (found.rendition() != null) {
                rendition = Optional.of(take(job, found.rendition(), taken));
            }
            List<BatchPart> parts = new ArrayList<>();
            for (Wire.Part part : found.parts()) {
                List<Integer> numbers = new ArrayList<>();
                for (int n : part.pages()) {
                    numbers.add(n);
                }
                parts.add(new BatchPart(numbers, Optional.ofNullable(part.fileReference()), take(job, part.file(), taken),
                        part.mediaType()));
            }
            return new Recognition(found.mediaType(), pages, metadata, fields, rendition, parts);
        } catch (RuntimeException e) {
            taken.forEach(Directories::deleteQuietly);
            if (e instanceof UncheckedIOException) {
                throw e;
            }
            throw new ReaderCrashedException("the file's reader sent an answer that was refused (" + e.getMessage()
                    + ")");
        }
    }

    // out of the job directory (removed after the job) into a temporary file the recognition's close removes
    private static Path take(Path job, String name, List<Path> taken) {
        if (name == null || !OUTPUT.matcher(name).matches()) {
            throw new IllegalArgumentException("a produced file named " + name);
        }
        Path file = job.resolve(name);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("a produced file " + name + " that is not there");
        }
        try {
            Path kept = Files.createTempFile("akte-recognized-", ".pdf");
            taken.add(kept);
            Files.move(file, kept, StandardCopyOption.REPLACE_EXISTING);
            return kept;
        } catch (IOException e) {
            throw new UncheckedIOException("could not take over " + name + " from the reader", e);
        }
    }

    /** A reader's reported failure as the recogniser's contract names it. */
    static final class Failures {

        private static final int MAX_REASON = 1000;

        private Failures() {
        }

        static RuntimeException of(Wire.Failure failure) {
            String message = failure.message() == null ? "" : failure.message();
            if (message.length() > MAX_REASON) {
                message = message.substring(0, MAX_REASON - 3) + "...";
            }
            Wire.FailureKind kind;
            try {
                kind = Wire.FailureKind.valueOf(String.valueOf(failure.kind()));
            } catch (IllegalArgumentException e) {
                return new ReaderCrashedException("the file's reader sent an answer that was refused (a failure of "
                        + "an unknown kind)");
            }
            return switch (kind) {
                case UNREADABLE -> new UnreadableContentException(message);
                case QUARANTINED -> new QuarantinedContentException(message);
                case DEFERRED -> new RecognitionDeferredException(message);
                case TIMED_OUT -> new RecognitionTimedOutException(message);
                case NO_SUCH_PAGE -> new IllegalArgumentException(message);
                case PAGE_TOO_LARGE -> new de.akte.core.recognition.PageTooLargeException(message);
                // only a class name: a subverted reader gets no free text into a document's reason this way
                case ERROR -> new ReaderCrashedException("the file's reader stopped with a " + className(message));
                case FAILED -> new IllegalStateException("the file's reader failed: " + message);
            };
        }

        private static String className(String message) {
            String name = message.replaceAll("[^A-Za-z0-9_.$]", "");
            return name.length() > 100 ? name.substring(0, 100) : name;
        }
    }
}
