package de.akte.ingest.extract;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import de.akte.core.text.ExtractedText;
import de.akte.core.text.QuarantinedContentException;
import de.akte.core.text.UnreadableContentException;
import org.junit.jupiter.api.Test;

class TikaTextExtractorTest {

    private static final List<String> THREE_PAGES = List.of(
            "Seite eins: Gebührenbescheid für Herrn Müller",
            "Seite zwei: Straßenreinigung und Grundsteuer",
            "Seite drei: Rechtsbehelfsbelehrung, Widerspruch binnen eines Monats");

    private final TikaTextExtractor extractor = new TikaTextExtractor();

    @Test
    void extractsPdfTextPerPageWithUmlauts() {
        ExtractedText result = extract(Fixtures.pdf(THREE_PAGES), "bescheid.pdf");

        assertEquals("application/pdf", result.mediaType());
        assertEquals(THREE_PAGES, result.pages());
    }

    @Test
    void readsPdfMetadataUnderStableKeys() {
        ExtractedText result = extract(Fixtures.pdf(THREE_PAGES), "bescheid.pdf");

        assertAll(
                () -> assertEquals("Bescheid über Gebühren", result.metadata().get("title")),
                () -> assertEquals("Stadtverwaltung Musterstadt", result.metadata().get("author")),
                () -> assertEquals("2024-03-01T10:15:30Z", result.metadata().get("created")),
                () -> assertEquals("3", result.metadata().get("pageCount")),
                () -> assertFalse(result.metadata().containsKey("truncated")));
    }

    @Test
    void keepsImageOnlyPageAsEmptyText() {
        List<String> pages = Arrays.asList("Vor dem Bild", null, "Nach dem Bild");

        ExtractedText result = extract(Fixtures.pdf(pages), "scan.pdf");

        assertEquals(List.of("Vor dem Bild", "", "Nach dem Bild"), result.pages());
    }

    @Test
    void addsTextOfAttachedPdfToLastPageWithoutCountingItsPages() {
        byte[] attachment = Fixtures.pdf(List.of("Anlage Seite eins", "Anlage Seite zwei"));
        byte[] pdf = Fixtures.pdfWithAttachment(List.of("Bescheid Seite eins", "Bescheid Seite zwei"),
                "anlage.pdf", attachment);

        ExtractedText result = extract(pdf, "bescheid.pdf");

        assertEquals(2, result.pages().size(), result.pages().toString());
        assertEquals("Bescheid Seite eins", result.pages().get(0));
        String last = result.pages().get(1);
        assertTrue(last.startsWith("Bescheid Seite zwei"), last);
        assertTrue(last.contains("Anlage Seite eins") && last.contains("Anlage Seite zwei"), last);
    }

    @Test
    void rejectsEncryptedPdfWithReason() {
        byte[] pdf = Fixtures.encryptedPdf("geheim", THREE_PAGES);

        UnreadableContentException e = assertThrows(UnreadableContentException.class, () -> extract(pdf, "x.pdf"));

        assertEquals("The PDF is password-protected; its text cannot be read without the password.", e.getMessage());
    }

    @Test
    void readsPdfRestrictedOnlyByOwnerPassword() {
        // an empty user password opens the file for everyone; only editing is restricted
        byte[] pdf = Fixtures.encryptedPdf("", THREE_PAGES);

        assertEquals(THREE_PAGES, extract(pdf, "x.pdf").pages());
    }

    @Test
    void rejectsTruncatedPdfWithReason() {
        byte[] pdf = Fixtures.pdf(THREE_PAGES);
        byte[] truncated = Arrays.copyOf(pdf, pdf.length / 3);

        UnreadableContentException e =
                assertThrows(UnreadableContentException.class, () -> extract(truncated, "x.pdf"));

        assertEquals("The PDF is damaged or incomplete and could not be read.", e.getMessage());
    }

    @Test
    void rejectsCorruptPdfWithoutLeakingParserDetails() {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        byte[] corrupt = concat("%PDF-1.7\n".getBytes(ISO_8859_1), garbage);

        UnreadableContentException e =
                assertThrows(UnreadableContentException.class, () -> extract(corrupt, "x.pdf"));

        assertEquals("The PDF is damaged or incomplete and could not be read.", e.getMessage());
    }

    @Test
    void rejectsEmptyFileWithReason() {
        UnreadableContentException e =
                assertThrows(UnreadableContentException.class, () -> extract(new byte[0], "leer.pdf"));

        assertEquals("The file is empty.", e.getMessage());
    }

    @Test
    void detectsPdfByContentDespiteMisleadingName() {
        ExtractedText result = extract(Fixtures.pdf(THREE_PAGES), "letter.txt");

        assertEquals("application/pdf", result.mediaType());
        assertEquals(3, result.pages().size());
    }

    @Test
    void extractsDocxTextAndMetadata() {
        byte[] docx = Fixtures.docx("Aktenvermerk", "Frau Schäfer",
                List.of("Vermerk über das Gespräch vom 4. März.", "Die Gebührenhöhe wurde erläutert."));

        ExtractedText result = extract(docx, "vermerk.docx");

        assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document", result.mediaType());
        assertEquals(1, result.pages().size());
        assertTrue(result.pages().get(0).contains("Vermerk über das Gespräch vom 4. März."), result.pages().get(0));
        assertTrue(result.pages().get(0).contains("Die Gebührenhöhe wurde erläutert."), result.pages().get(0));
        assertEquals("Aktenvermerk", result.metadata().get("title"));
        assertEquals("Frau Schäfer", result.metadata().get("author"));
    }

    @Test
    void extractsXlsxTextOfAllSheetsAsOneEntry() {
        byte[] xlsx = Fixtures.xlsx(List.of("Gebühren", "Übersicht"),
                List.of(List.of("Müllabfuhr", "Straßenreinigung"), List.of("Summe gesamt")));

        ExtractedText result = extract(xlsx, "gebuehren.xlsx");

        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", result.mediaType());
        assertEquals(1, result.pages().size(), result.pages().toString());
        String text = result.pages().get(0);
        assertTrue(text.contains("Gebühren") && text.contains("Straßenreinigung"), text);
        assertTrue(text.contains("Übersicht") && text.contains("Summe gesamt"), text);
    }

    @Test
    void extractsOdtBuiltByHand() {
        ExtractedText result = extract(Fixtures.odt("Niederschrift über die Sitzung des Ausschusses"), "sitzung.odt");

        assertEquals("application/vnd.oasis.opendocument.text", result.mediaType());
        assertEquals(List.of("Niederschrift über die Sitzung des Ausschusses"), result.pages());
    }

    @Test
    void extractsRtfWithEscapedUmlauts() {
        String rtf = "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Times New Roman;}}"
                + "\\f0 Sehr geehrte Frau M\\'fcller,\\par die Stra\\'dfe wird gesperrt.\\par}";

        ExtractedText result = extract(rtf.getBytes(ISO_8859_1), "brief.rtf");

        assertEquals("application/rtf", result.mediaType());
        assertTrue(result.fullText().contains("Sehr geehrte Frau Müller,"), result.fullText());
        assertTrue(result.fullText().contains("die Straße wird gesperrt."), result.fullText());
    }

    @Test
    void extractsHtmlBodyAndTitle() {
        String html = """
                <!DOCTYPE html>
                <html lang="de"><head><meta charset="UTF-8"><title>Öffnungszeiten</title></head>
                <body><h1>Bürgerbüro</h1><p>Montag bis Freitag, 8 bis 12 Uhr.</p></body></html>
                """;

        ExtractedText result = extract(html.getBytes(UTF_8), "zeiten.html");

        assertEquals("text/html", result.mediaType());
        assertEquals("Öffnungszeiten", result.metadata().get("title"));
        String text = result.pages().get(0);
        assertTrue(text.contains("Bürgerbüro") && text.contains("Montag bis Freitag, 8 bis 12 Uhr."), text);
        assertFalse(text.contains("Öffnungszeiten"), "the head's title is metadata, not body text: " + text);
    }

    @Test
    void extractsEmailHeadersAndBody() {
        String eml = Fixtures.eml("Sehr geehrte Damen und Herren,\nanbei die Unterlagen für den Anbau.\nGrüße");

        ExtractedText result = extract(eml.getBytes(UTF_8), "antrag.eml");

        assertEquals("message/rfc822", result.mediaType());
        assertEquals(1, result.pages().size());
        String text = result.pages().get(0);
        assertTrue(text.startsWith("Bauantrag Mühlenweg 3\nFrom: Erika Mustermann <erika@example.org>\n"
                + "To: Bauamt Musterstadt <bauamt@musterstadt.example>\n"), text);
        assertTrue(text.contains("anbei die Unterlagen für den Anbau."), text);
        assertAll(
                () -> assertEquals("Bauantrag Mühlenweg 3", result.metadata().get("subject")),
                () -> assertEquals("Erika Mustermann <erika@example.org>", result.metadata().get("from")),
                () -> assertEquals("Bauamt Musterstadt <bauamt@musterstadt.example>", result.metadata().get("to")),
                () -> assertEquals("2024-03-05T08:30:00Z", result.metadata().get("sent")));
    }

    @Test
    void keepsPagesOfAttachedPdfInsideTheMessage() {
        byte[] pdf = Fixtures.pdf(List.of("Lageplan Flurstück 12", "Ansicht Süd"));
        String eml = Fixtures.emlWithPdf("Im Anhang der Lageplan.", pdf);

        ExtractedText result = extract(eml.getBytes(UTF_8), "unterlagen.eml");

        assertEquals(1, result.pages().size(), result.pages().toString());
        String text = result.pages().get(0);
        assertTrue(text.contains("Im Anhang der Lageplan."), text);
        assertTrue(text.contains("Lageplan Flurstück 12") && text.contains("Ansicht Süd"), text);
    }

    @Test
    void decodesIso88591PlainTextWithUmlauts() {
        String text = "Sehr geehrte Frau Jäger,\nwir bestätigen den Eingang Ihres Antrags auf Verlängerung "
                + "der Sondernutzung für die Außengastronomie in der Königstraße. Über die Gebühr "
                + "erhalten Sie einen gesonderten Bescheid.\nMit freundlichen Grüßen\nIhr Ordnungsamt";

        ExtractedText result = extract(text.getBytes(ISO_8859_1), "eingang.txt");

        assertEquals("text/plain", result.mediaType());
        assertEquals(List.of(text), result.pages());
    }

    @Test
    void returnsNoPagesForUnknownBinary() {
        byte[] binary = new byte[8192];
        new Random(42).nextBytes(binary);
        binary[0] = 0x00; // no known magic starts with a zero byte followed by this noise

        ExtractedText result = extract(binary, "daten.bin");

        assertEquals("application/octet-stream", result.mediaType());
        assertEquals(List.of(), result.pages());
    }

    @Test
    void doesNotOcrImages() {
        // if OCR ran (Tesseract installed for the OCR step), this picture would yield its words
        ExtractedText result = extract(Fixtures.png("Bauantrag"), "scan.png");

        assertEquals("image/png", result.mediaType());
        assertEquals(List.of(""), result.pages());
    }

    @Test
    void truncatesTextAtCharacterLimit() {
        TikaTextExtractor limited = new TikaTextExtractor(TikaExtractionSettings.defaults().withMaxCharacters(1000));
        String text = "Zeile mit Text für die Grenze.\n".repeat(500);

        ExtractedText result = extract(limited, text.getBytes(UTF_8), "lang.txt");

        assertEquals("true", result.metadata().get("truncated"));
        assertTrue(result.fullText().length() <= 1000, "length " + result.fullText().length());
        assertTrue(result.fullText().startsWith("Zeile mit Text für die Grenze."), result.fullText());
    }

    @Test
    void stopsAnExtractionThatRunsOutOfTimeWithAReadableReason() {
        TikaTextExtractor hurried = new TikaTextExtractor(TikaExtractionSettings.defaults()
                .withMaxParseTime(java.time.Duration.ZERO));

        UnreadableContentException e = assertThrows(UnreadableContentException.class,
                () -> extract(hurried, Fixtures.pdf(THREE_PAGES), "bescheid.pdf"));

        assertTrue(e.getMessage().startsWith("Extracting the text took longer than 0 s and was stopped"),
                e.getMessage());
    }

    @Test
    void keepsPdfPageCountWhenTextIsTruncated() {
        TikaTextExtractor limited = new TikaTextExtractor(TikaExtractionSettings.defaults().withMaxCharacters(60));

        ExtractedText result = extract(limited, Fixtures.pdf(THREE_PAGES), "bescheid.pdf");

        assertEquals("true", result.metadata().get("truncated"));
        assertEquals(3, result.pages().size(), result.pages().toString());
        assertEquals(THREE_PAGES.get(0), result.pages().get(0));
        assertEquals("", result.pages().get(2));
    }

    @Test
    void quarantinesCompressionBombWithReason() {
        byte[] bomb = Fixtures.zipBomb(20_000_000);

        QuarantinedContentException e =
                assertThrows(QuarantinedContentException.class, () -> extract(bomb, "archiv.zip"));

        assertEquals("The file unpacks to far more data than it contains (a possible compression bomb); "
                + "it was not read.", e.getMessage());
    }

    @Test
    void reportsFailingStreamAsIoProblemNotAsUnreadableContent() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }
        };

        assertThrows(UncheckedIOException.class, () -> extractor.extract(failing, "x.pdf"));
    }

    @Test
    void leavesTheStreamOpenForTheCaller() {
        boolean[] closed = {false};
        InputStream content = new FilterInputStream(new ByteArrayInputStream(Fixtures.pdf(THREE_PAGES))) {
            @Override
            public void close() throws IOException {
                closed[0] = true;
                super.close();
            }
        };

        extractor.extract(content, "x.pdf");

        assertFalse(closed[0]);
    }

    @Test
    void servesConcurrentCallersFromOneInstance() throws Exception {
        byte[] pdf = Fixtures.pdf(THREE_PAGES);
        byte[] docx = Fixtures.docx("Titel", "Autor", List.of("Absatz über Gebühren"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ExtractedText>> results = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                byte[] content = i % 2 == 0 ? pdf : docx;
                results.add(pool.submit(() -> extract(content, "x")));
            }
            for (int i = 0; i < results.size(); i++) {
                ExtractedText result = results.get(i).get();
                if (i % 2 == 0) {
                    assertEquals(THREE_PAGES, result.pages());
                } else {
                    assertEquals(List.of("Absatz über Gebühren"), result.pages());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private ExtractedText extract(byte[] content, String fileName) {
        return extract(extractor, content, fileName);
    }

    private static ExtractedText extract(TikaTextExtractor extractor, byte[] content, String fileName) {
        try (InputStream in = new ByteArrayInputStream(content)) {
            return extractor.extract(in, fileName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }
}
