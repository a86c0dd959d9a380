package de.akte.ingest.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledCorpusReaderTest {

    private final LabelledCorpusReader reader = new LabelledCorpusReader();

    @TempDir
    Path dir;

    @Test
    void readsPlainAndQuotedFieldsSkippingCommentsAndBlankLines() throws IOException {
        List<LabelledText> corpus = read("""
                # a comment
                Rechnung;Bitte zahlen Sie bis Montag.

                "Widerspruch";"Gegen den Bescheid; Az. 63-1/2025: Widerspruch, ""fristgerecht""."
                Beschwerde ; 'Das geht''s nicht; so'
                Meldung;Peter's Anmeldung
                """).documents();

        assertEquals(List.of(
                new LabelledText("Rechnung", "Bitte zahlen Sie bis Montag.", 2),
                new LabelledText("Widerspruch", "Gegen den Bescheid; Az. 63-1/2025: Widerspruch, \"fristgerecht\".", 4),
                new LabelledText("Beschwerde", "Das geht's nicht; so", 5),
                new LabelledText("Meldung", "Peter's Anmeldung", 6)), corpus);
    }

    @Test
    void aTextThatOnlyBeginsWithAQuotedWordIsReadAsItStands() throws IOException {
        LabelledCorpus corpus = read("""
                Web;"Premium"-Tarif für 9,99 € im Monat
                Web;'s Gärtle und "Premium" dazu
                Web;"unterminated quote at the start
                """);

        assertEquals(List.of("\"Premium\"-Tarif für 9,99 € im Monat", "'s Gärtle und \"Premium\" dazu",
                "\"unterminated quote at the start"), corpus.documents().stream().map(LabelledText::text).toList());
        assertEquals(List.of(), corpus.badLines());
    }

    @Test
    void aLineThatCannotBeReadIsReportedWithItsNumberAndSkipped() throws IOException {
        LabelledCorpus corpus = read("Rechnung;ok\n\nnur ein Feld\nRechnung;Betrag; zahlbar sofort\n;Text ohne Label\n"
                + "Rechnung;   \nBescheid;auch ok\n");

        assertEquals(List.of("Rechnung", "Bescheid"), corpus.documents().stream().map(LabelledText::label).toList());
        assertEquals(List.of(3, 4, 5, 6), corpus.badLines().stream().map(LabelledCorpus.BadLine::lineNumber).toList());
        assertTrue(corpus.badLines().get(0).toString().startsWith("line 3: expected label;text"),
                corpus.badLines().get(0).toString());
        assertEquals("line 5: empty label", corpus.badLines().get(2).toString());
    }

    @Test
    void aStrictReaderStopsAtTheFirstUnreadableLineNamingIt() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new LabelledCorpusReader(true).read(new StringReader("Rechnung;ok\nnur ein Feld\n")));

        assertTrue(error.getMessage().startsWith("line 2:"), error.getMessage());
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndsLeaveNoTrace() throws IOException {
        Path file = dir.resolve("bom.csv");
        Files.write(file, "\uFEFFRechnung;Bitte zahlen.\r\nBescheid;\"Ihr Antrag; bewilligt\"\r\n"
                .getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of(new LabelledText("Rechnung", "Bitte zahlen.", 1),
                new LabelledText("Bescheid", "Ihr Antrag; bewilligt", 2)), reader.read(file).documents());
    }

    @Test
    void aFileThatIsNotUtf8IsReadAsWindows1252() throws IOException {
        Path file = dir.resolve("ansi.csv");
        Files.write(file, "Gebühr;Größe der Fläche: 20 m² – bitte prüfen\r\n".getBytes(Charset.forName("windows-1252")));

        LabelledCorpus corpus = reader.read(file);

        assertEquals("windows-1252", corpus.charset().name());
        assertEquals(List.of(new LabelledText("Gebühr", "Größe der Fläche: 20 m² – bitte prüfen", 1)), corpus.documents());
    }

    @Test
    void aHeaderLineNamesTheLabelColumnWhereverItStands() throws IOException {
        LabelledCorpus corpus = read("""
                id;Inhalt;Kategorie
                7;Bitte zahlen Sie bis Montag.;Rechnung
                8;"Widerspruch; fristgerecht";Widerspruch
                """);

        assertEquals(List.of(new LabelledText("Rechnung", "Bitte zahlen Sie bis Montag.", 2),
                new LabelledText("Widerspruch", "Widerspruch; fristgerecht", 3)), corpus.documents());
    }

    @Test
    void readsTabSeparatedFiles() throws IOException {
        LabelledCorpus corpus = read("label\ttext\nRechnung\tBetrag; zahlbar sofort, danke\n");

        assertEquals(List.of(new LabelledText("Rechnung", "Betrag; zahlbar sofort, danke", 2)), corpus.documents());
    }

    @Test
    void readsCommaSeparatedFilesWithQuotedCommas() throws IOException {
        LabelledCorpus corpus = read("Rechnung,\"Betrag 20,00 €, zahlbar sofort\"\nBescheid,Ihr Antrag ist bewilligt; gez.\n");

        assertEquals(List.of(new LabelledText("Rechnung", "Betrag 20,00 €, zahlbar sofort", 1),
                new LabelledText("Bescheid", "Ihr Antrag ist bewilligt; gez.", 2)), corpus.documents());
    }

    @Test
    void aQuotedLabelDoesNotHideTheSeparator() throws IOException {
        LabelledCorpus corpus = read("\"Bau, Antrag\"\tText mit , und ;\n");

        assertEquals(List.of(new LabelledText("Bau, Antrag", "Text mit , und ;", 1)), corpus.documents());
    }

    private LabelledCorpus read(String csv) throws IOException {
        return reader.read(new StringReader(csv));
    }
}
