package de.akte.ingest.extract;

import java.io.IOException;
import java.io.InputStream;

import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Parses embedded documents (e-mail bodies and attachments, files inside archives) inline, telling the
 * {@link PageSplittingHandler} so that an attached PDF's pages do not become pages of the container.
 */
final class PageAwareEmbeddedExtractor implements EmbeddedDocumentExtractor {

    private final EmbeddedDocumentExtractor delegate;
    private final PageSplittingHandler pages;

    PageAwareEmbeddedExtractor(ParseContext context, PageSplittingHandler pages) {
        this.delegate = new ParsingEmbeddedDocumentExtractor(context);
        this.pages = pages;
    }

    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
        return delegate.shouldParseEmbedded(metadata);
    }

    @Override
    public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
            throws SAXException, IOException {
        pages.enterEmbedded();
        try {
            delegate.parseEmbedded(stream, handler, metadata, outputHtml);
        } finally {
            pages.leaveEmbedded();
        }
    }
}
