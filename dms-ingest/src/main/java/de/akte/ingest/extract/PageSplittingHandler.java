package de.akte.ingest.extract;

import java.util.ArrayList;
import java.util.List;

import org.apache.tika.exception.WriteLimitReachedException;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Collects the body text of Tika's XHTML stream, one entry per {@code <div class="page">}, up to a character limit.
 *
 * <p>One instance per parse; not thread-safe.
 */
final class PageSplittingHandler extends DefaultHandler {

    private final int maxCharacters;
    private final List<StringBuilder> pages = new ArrayList<>();
    /** Text before the first page div (or all text when the format has no pages). */
    private final StringBuilder preamble = new StringBuilder();

    private boolean inBody;
    private boolean inPage;
    /** Divs opened inside the current page, so that the page's own closing div is recognised. */
    private int divsInsidePage;
    /** Embedded documents being parsed right now; their page divs belong to them, not to our pages. */
    private int embeddedDepth;
    private int characters;
    private boolean limitReached;

    PageSplittingHandler(int maxCharacters) {
        this.maxCharacters = maxCharacters;
    }

    void enterEmbedded() {
        embeddedDepth++;
    }

    void leaveEmbedded() {
        embeddedDepth--;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        if ("body".equals(localName) && embeddedDepth == 0) {
            inBody = true;
        } else if ("div".equals(localName)) {
            if (inPage) {
                divsInsidePage++;
            } else if (embeddedDepth == 0 && "page".equals(attributes.getValue("class"))) {
                inPage = true;
                divsInsidePage = 0;
                pages.add(pages.isEmpty() ? new StringBuilder(preamble) : new StringBuilder());
            }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        if ("body".equals(localName) && embeddedDepth == 0) {
            inBody = false;
        } else if ("div".equals(localName) && inPage) {
            if (divsInsidePage == 0) {
                inPage = false;
            } else {
                divsInsidePage--;
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (limitReached) {
            // some parsers swallow exceptions per page and go on; keep refusing so nothing more is buffered
            throw new WriteLimitReachedException(maxCharacters);
        }
        if (!inBody) {
            return; // the <title> in <head> repeats metadata, it is not text of the document
        }
        int room = maxCharacters - characters;
        int taken = Math.min(length, room);
        // text outside any page div (e.g. attachments listed after the last PDF page) joins the nearest page
        StringBuilder target = pages.isEmpty() ? preamble : pages.get(pages.size() - 1);
        target.append(ch, start, taken);
        characters += taken;
        if (taken < length) {
            limitReached = true;
            throw new WriteLimitReachedException(maxCharacters);
        }
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        // Tika marks line breaks between paragraphs and table cells as ignorable; they separate words
        characters(ch, start, length);
    }

    /** Whether text was cut off at the character limit. */
    boolean limitReached() {
        return limitReached;
    }

    /** The text per page, each trimmed; a single entry when the stream had no page divs. */
    List<String> pages() {
        if (pages.isEmpty()) {
            return List.of(preamble.toString().strip());
        }
        return pages.stream().map(page -> page.toString().strip()).toList();
    }

    /** All text as one string, pages separated by a blank line. */
    String text() {
        return String.join("\n\n", pages()).strip();
    }
}
