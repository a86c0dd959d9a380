package de.akte.ingest.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelledCorpusReaderTest {

    private final LabelledCorpusReader reader = new LabelledCorpusReader();

    @Test
    void readsPlainAndQuotedFieldsSkippingCommentsAndBlankLines() throws IOException {
        List<LabelledText> corpus = read("""
                # a comment
                Rechnung;Bitte zahlen Sie bis Montag.

                "Widerspruch";"Gegen den Bescheid; Az. 63-1/2025: Widerspruch, ""fristgerecht""."
                Beschwerde ; 'Das geht''s nicht; so'
                Meldung;Peter's Anmeldung
                """);

        assertEquals(List.of(
                new LabelledText("Rechnung", "Bitte zahlen Sie bis Montag.", 2),
                new LabelledText("Widerspruch", "Gegen den Bescheid; Az. 63-1/2025: Widerspruch, \"fristgerecht\".", 4),
                new LabelledText("Beschwerde", "Das geht's nicht; so", 5),
                new LabelledText("Meldung", "Peter's Anmeldung", 6)), corpus);
    }

    @Test
    void aLineWithoutTextNamesItsLineNumber() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> read("Rechnung;ok\n\nnur ein Feld\n"));

        assertTrue(error.getMessage().startsWith("line 3:"), error.getMessage());
    }

    @Test
    void anUnquotedSemicolonInTheTextIsMalformed() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> read("Rechnung;Betrag; zahlbar sofort\n"));

        assertTrue(error.getMessage().startsWith("line 1:"), error.getMessage());
    }

    @Test
    void anUnterminatedQuoteIsMalformed() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> read("# header\nRechnung;\"Betrag offen\n"));

        assertTrue(error.getMessage().startsWith("line 2: unterminated quote"), error.getMessage());
    }

    @Test
    void textAfterAClosingQuoteIsMalformed() {
        assertThrows(IllegalArgumentException.class, () -> read("\"Rechnung\"x;Text\n"));
    }

    @Test
    void anEmptyLabelIsMalformed() {
        assertThrows(IllegalArgumentException.class, () -> read(";Text ohne Label\n"));
    }

    private List<LabelledText> read(String csv) throws IOException {
        return reader.read(new StringReader(csv));
    }
}
