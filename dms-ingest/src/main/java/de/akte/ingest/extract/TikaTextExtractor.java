package de.akte.ingest.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import de.akte.core.text.ExtractedText;
import de.akte.core.text.QuarantinedContentException;
import de.akte.core.text.TextExtractor;
import de.akte.core.text.UnreadableContentException;
import org.apache.tika.config.ServiceLoader;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.exception.TikaException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.DefaultParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRParser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.xml.sax.SAXException;

/**
 * Extracts text per page with Apache Tika, detecting the type by content; no OCR, no network.
 *
 * <p>Behaviour at the edges:
 * <ul>
 *   <li>PDF: one entry per page; a page without a text layer is an empty string, so the OCR step knows which
 *       pages to fill. Embedded files (attachments) add their text to the page they belong to.</li>
 *   <li>Every other format: one entry. An e-mail's entry starts with subject, sender and recipients, then the
 *       body, then the text of its attachments.</li>
 *   <li>A type Tika detects but has no parser for (above all unknown binary, {@code application/octet-stream}) is
 *       not an error: the result carries the detected type and no pages, and the check step decides whether such
 *       a type is accepted at all.</li>
 *   <li>More text than {@link TikaExtractionSettings#maxCharacters()}: the text is cut there, the metadata says
 *       {@code truncated=true}, and a PDF still has one (possibly empty) entry per page.</li>
 *   <li>Encrypted, damaged, empty or compression-bomb input: {@link UnreadableContentException} with a sentence
 *       for users. A failure of the stream itself is an {@link UncheckedIOException}: the content is not to
 *       blame and the step can be retried.</li>
 * </ul>
 *
 * <p>Thread-safe: create once and share; every call gets its own handler, metadata and parse context.
 */
public final class TikaTextExtractor implements TextExtractor {

    private static final String PDF = "application/pdf";
    private static final String EML = "message/rfc822";

    private final TikaExtractionSettings settings;
    private final AutoDetectParser parser;
    private final MediaTypeRegistry registry;
    private final Set<MediaType> parsableTypes;

    public TikaTextExtractor(TikaExtractionSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        // our own class loader, not the thread's: under WildFly the parsers are in this deployment
        ClassLoader classLoader = TikaTextExtractor.class.getClassLoader();
        ServiceLoader serviceLoader = new ServiceLoader(classLoader);
        MimeTypes mimeTypes = MimeTypes.getDefaultMimeTypes(classLoader);
        this.registry = mimeTypes.getMediaTypeRegistry();
        // OCR is a later step of its own; excluded here, Tesseract is never even probed for
        Parser parsers = new DefaultParser(registry, serviceLoader, Set.of(TesseractOCRParser.class));
        this.parser = new AutoDetectParser(new DefaultDetector(mimeTypes, serviceLoader), parsers);
        this.parser.setAutoDetectParserConfig(secureContentConfig(settings));
        this.parsableTypes = Set.copyOf(parser.getParsers(new ParseContext()).keySet());
    }

    /** An extractor with {@link TikaExtractionSettings#defaults()}. */
    public TikaTextExtractor() {
        this(TikaExtractionSettings.defaults());
    }

    @Override
    public ExtractedText extract(InputStream content, String fileName) {
        Objects.requireNonNull(content, "content");
        PageSplittingHandler pages = new PageSplittingHandler(settings.maxCharacters());
        Metadata metadata = new Metadata();
        // the name is only a hint for the detector; a client's Content-Type is never passed in
        if (fileName != null && !fileName.isBlank()) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, baseName(fileName));
        }
        ExtractionDeadline deadline = ExtractionDeadline.startingNow(settings.maxParseTime());
        try {
            parser.parse(deadline.guard(content), deadline.guard(pages), metadata, parseContext(pages));
            if (deadline.tripped()) {
                // a parser that swallowed the refusal ended with part of the text: not a result to keep
                throw tooSlow(deadline);
            }
        } catch (IOException | SAXException | TikaException | RuntimeException e) {
            if (deadline.tripped()) {
                throw tooSlow(deadline);
            }
            // RuntimeException: Tika wraps a crashing parser's, but a detector's comes through; both mean the
            // content cannot be read, and retrying would only crash again
            if (!pages.limitReached()) {
                throw failure(e, detectedType(metadata));
            }
            // the parser stopped at the character limit: what came before is the result
        }
        MediaType type = detectedType(metadata);
        String mediaType = type.getBaseType().toString();
        List<String> text;
        if (!hasParser(type)) {
            text = List.of();
        } else if (PDF.equals(mediaType)) {
            text = padToPageCount(pages.pages(), metadata.getInt(PagedText.N_PAGES));
        } else if (EML.equals(mediaType)) {
            text = List.of(withMessageHeaders(pages.text(), metadata));
        } else {
            // .xls marks sheets as pages, .xlsx does not, ODS neither: one entry keeps the formats alike
            text = List.of(pages.text());
        }
        Map<String, String> selected = new LinkedHashMap<>(SelectedMetadata.of(metadata, mediaType));
        if (pages.limitReached()) {
            selected.put(SelectedMetadata.TRUNCATED, "true");
        }
        return new ExtractedText(mediaType, text, selected);
    }

    private ParseContext parseContext(PageSplittingHandler pages) {
        ParseContext context = new ParseContext();
        // embedded documents (e-mail bodies are among them) are parsed by the same parser, tracked for paging
        context.set(Parser.class, parser);
        context.set(EmbeddedDocumentExtractor.class, new PageAwareEmbeddedExtractor(context, pages));
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        pdf.setExtractInlineImages(false);
        context.set(PDFParserConfig.class, pdf);
        return context;
    }

    private static UnreadableContentException tooSlow(ExtractionDeadline deadline) {
        return new UnreadableContentException("Extracting the text took longer than " + deadline.limit().toSeconds()
                + " s and was stopped; the original is kept. Retry it when the server is less busy; if it fails"
                + " again, the file is built so that it cannot be read in reasonable time.");
    }

    private static RuntimeException failure(Exception e, MediaType type) {
        if (e instanceof IOException io) {
            // CompositeParser turns parser IOExceptions into TikaExceptions; what is left came from the stream
            return new UncheckedIOException("Could not read the content to extract text from", io);
        }
        if (UnreadableReason.isCompressionBomb(e)) {
            return new QuarantinedContentException(UnreadableReason.of(e, type), e);
        }
        return new UnreadableContentException(UnreadableReason.of(e, type), e);
    }

    private static AutoDetectParserConfig secureContentConfig(TikaExtractionSettings settings) {
        AutoDetectParserConfig config = new AutoDetectParserConfig();
        config.setMaximumCompressionRatio(settings.maxCompressionRatio());
        config.setMaximumPackageEntryDepth(settings.maxPackageDepth());
        return config;
    }

    private static MediaType detectedType(Metadata metadata) {
        MediaType type = MediaType.parse(metadata.get(Metadata.CONTENT_TYPE));
        return type == null ? MediaType.OCTET_STREAM : type;
    }

    // the same walk up the type hierarchy that Tika's CompositeParser does before it falls back to "no parser"
    private boolean hasParser(MediaType type) {
        for (MediaType t = registry.normalize(type.getBaseType()); t != null; t = registry.getSupertype(t)) {
            if (parsableTypes.contains(t)) {
                return true;
            }
        }
        return false;
    }

    // Tika writes subject, sender and recipients of an Outlook .msg into its text but only into the metadata of
    // an .eml; put them into the text too, so that a search for the sender finds both kinds of message
    private static String withMessageHeaders(String body, Metadata metadata) {
        StringBuilder text = new StringBuilder();
        String subject = metadata.get(TikaCoreProperties.TITLE);
        if (subject != null && !subject.isBlank()) {
            text.append(subject.strip()).append('\n');
        }
        appendHeader(text, "From", metadata.getValues(Metadata.MESSAGE_FROM));
        appendHeader(text, "To", metadata.getValues(Metadata.MESSAGE_TO));
        appendHeader(text, "Cc", metadata.getValues(Metadata.MESSAGE_CC));
        return text.isEmpty() ? body : (text + "\n" + body).strip();
    }

    private static void appendHeader(StringBuilder text, String name, String[] values) {
        if (values.length > 0) {
            text.append(name).append(": ").append(String.join(", ", values)).append('\n');
        }
    }

    // pages after the character limit never reached the handler; keep the list aligned with the physical pages
    private static List<String> padToPageCount(List<String> pages, Integer pageCount) {
        if (pageCount == null || pages.size() >= pageCount) {
            return pages;
        }
        List<String> padded = new ArrayList<>(pages);
        while (padded.size() < pageCount) {
            padded.add("");
        }
        return padded;
    }

    private static String baseName(String fileName) {
        int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        return fileName.substring(slash + 1);
    }
}
