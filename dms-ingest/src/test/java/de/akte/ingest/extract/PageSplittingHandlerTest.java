package de.akte.ingest.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.tika.exception.WriteLimitReachedException;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;

class PageSplittingHandlerTest {

    private final PageSplittingHandler handler = new PageSplittingHandler(1_000);

    @Test
    void splitsOnPageDivsAndTrimsEachPage() throws SAXException {
        start("body");
        page("\nerste Seite\n");
        page("");
        page("dritte Seite");
        end("body");

        assertEquals(List.of("erste Seite", "", "dritte Seite"), handler.pages());
        assertEquals("erste Seite\n\n\n\ndritte Seite", handler.text());
    }

    @Test
    void ignoresTextOutsideTheBody() throws SAXException {
        start("head");
        text("Titel aus den Metadaten");
        end("head");
        start("body");
        text("Inhalt");
        end("body");

        assertEquals(List.of("Inhalt"), handler.pages());
    }

    @Test
    void keepsDivsInsideAPageOnThatPage() throws SAXException {
        start("body");
        startPage();
        start("div");
        text("Anmerkung");
        end("div");
        text("Fließtext");
        end("div");
        end("body");

        assertEquals(List.of("Anmerkung\nFließtext"), handler.pages());
    }

    @Test
    void ignoresPageDivsOfEmbeddedDocuments() throws SAXException {
        start("body");
        page("Seite eins");
        handler.enterEmbedded();
        page("Anhang Seite eins");
        page("Anhang Seite zwei");
        handler.leaveEmbedded();
        end("body");

        assertEquals(List.of("Seite eins\nAnhang Seite eins\nAnhang Seite zwei"), handler.pages());
    }

    @Test
    void stopsAtCharacterLimitAndKeepsRefusing() throws SAXException {
        PageSplittingHandler limited = new PageSplittingHandler(10);
        limited.startElement("", "body", "body", new AttributesImpl());
        char[] text = "Straßenreinigungsgebühr".toCharArray();

        assertThrows(WriteLimitReachedException.class, () -> limited.characters(text, 0, text.length));
        assertThrows(WriteLimitReachedException.class, () -> limited.characters(text, 0, 1));

        assertTrue(limited.limitReached());
        assertEquals(List.of("Straßenrei"), limited.pages());
    }

    private void page(String text) throws SAXException {
        startPage();
        text(text);
        end("div");
    }

    private void startPage() {
        AttributesImpl attributes = new AttributesImpl();
        attributes.addAttribute("", "class", "class", "CDATA", "page");
        handler.startElement("", "div", "div", attributes);
    }

    private void start(String element) {
        handler.startElement("", element, element, new AttributesImpl());
    }

    private void end(String element) {
        handler.endElement("", element, element);
    }

    private void text(String text) throws SAXException {
        handler.characters(text.toCharArray(), 0, text.length());
        handler.ignorableWhitespace(new char[] {'\n'}, 0, 1);
    }
}
