package de.akte.ingest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestParserTest {

    private final ManifestParser parser = new ManifestParser();

    @Test
    void readsSemicolonSeparatedRowsWithGermanDates() {
        Manifest manifest = parser.parse("""
                file;caseFile;department;documentType;title;date
                2024/a.pdf;AZ 1/2024;BAU;Bescheid;Baugenehmigung;03.04.2024
                b.tif;;;;;
                """, "m.csv");

        ManifestRow a = manifest.row("2024/a.pdf").orElseThrow();
        assertEquals("AZ 1/2024", a.caseFile());
        assertEquals("BAU", a.department());
        assertEquals("Bescheid", a.documentType());
        assertEquals("Baugenehmigung", a.title());
        assertEquals(LocalDate.of(2024, 4, 3), a.date());
        assertEquals(2, a.line());
        ManifestRow b = manifest.row("b.tif").orElseThrow();
        assertNull(b.caseFile());
        assertNull(b.date());
    }

    @Test
    void detectsCommaSeparatorFromTheHeaderAndAcceptsIsoDates() {
        Manifest manifest = parser.parse("file,title,date\r\na.pdf,Antrag,2024-12-31\r\n", "m.csv");

        ManifestRow row = manifest.row("a.pdf").orElseThrow();
        assertEquals("Antrag", row.title());
        assertEquals(LocalDate.of(2024, 12, 31), row.date());
    }

    @Test
    void keepsSeparatorsAndDoubledQuotesInsideQuotedValues() {
        Manifest manifest = parser.parse("""
                file,title
                "a b.pdf","Müller, Hans: ""Antrag"" vom 1.2."
                """, "m.csv");

        assertEquals("Müller, Hans: \"Antrag\" vom 1.2.", manifest.row("a b.pdf").orElseThrow().title());
    }

    @Test
    void quotedValueMaySpanLinesAndLaterLinesKeepTheirNumbers() {
        ManifestRow row = parser.parse("file;title\n\"a.pdf\";\"two\nlines\"\nb.pdf;x;\n", "m.csv")
                .row("b.pdf").orElseThrow();

        assertEquals(4, row.line());
    }

    @Test
    void ignoresUtf8ByteOrderMarkFromExcel(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("manifest.csv");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "file;caseFile\nä.pdf;AZ 7\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        System.arraycopy(text, 0, bytes, bom.length, text.length);
        Files.write(file, bytes);

        assertEquals("AZ 7", parser.parse(file).row("ä.pdf").orElseThrow().caseFile());
    }

    @Test
    void matchesColumnNamesIgnoringCaseAndNormalisesFilePaths() {
        Manifest manifest = parser.parse("FILE;CaseFile\n.\\ordner\\a.pdf;AZ 2\n", "m.csv");

        assertEquals("AZ 2", manifest.row("ordner/a.pdf").orElseThrow().caseFile());
    }

    @Test
    void badDateIsReportedWithItsLineNumber() {
        ImportUsageException error = assertThrows(ImportUsageException.class, () -> parser.parse("""
                file;date
                a.pdf;01.02.2024

                b.pdf;31.02.2024
                """, "m.csv"));

        assertTrue(error.getMessage().contains("m.csv line 4"), error.getMessage());
        assertTrue(error.getMessage().contains("31.02.2024"), error.getMessage());
    }

    @Test
    void unknownColumnIsRefusedNamingTheKnownOnes() {
        ImportUsageException error = assertThrows(ImportUsageException.class,
                () -> parser.parse("file;aktenzeichen\na.pdf;1\n", "m.csv"));

        assertTrue(error.getMessage().contains("line 1"), error.getMessage());
        assertTrue(error.getMessage().contains("caseFile"), error.getMessage());
    }

    @Test
    void missingFileColumnEmptyFileAndTooManyFieldsAreErrors() {
        assertThrows(ImportUsageException.class, () -> parser.parse("title;date\nx;01.01.2024\n", "m.csv"));
        ImportUsageException empty = assertThrows(ImportUsageException.class,
                () -> parser.parse("file;title\n;x\n", "m.csv"));
        assertTrue(empty.getMessage().contains("line 2"), empty.getMessage());
        ImportUsageException tooMany = assertThrows(ImportUsageException.class,
                () -> parser.parse("file;title\na.pdf;x;y\n", "m.csv"));
        assertTrue(tooMany.getMessage().contains("line 2"), tooMany.getMessage());
    }

    @Test
    void sameFileTwiceIsAnErrorNamingBothLines() {
        ImportUsageException error = assertThrows(ImportUsageException.class,
                () -> parser.parse("file\na.pdf\nb.pdf\na.pdf\n", "m.csv"));

        assertTrue(error.getMessage().contains("line 4") && error.getMessage().contains("line 2"),
                error.getMessage());
    }

    @Test
    void unclosedQuoteIsAnError() {
        ImportUsageException error = assertThrows(ImportUsageException.class,
                () -> parser.parse("file;title\na.pdf;\"open\n", "m.csv"));

        assertTrue(error.getMessage().contains("line 2"), error.getMessage());
    }

    @Test
    void refusesFilesThatAreNotUtf8(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "file;title\na.pdf;Gr\u00fc\u00dfe\n".getBytes(StandardCharsets.ISO_8859_1));

        ImportUsageException error = assertThrows(ImportUsageException.class, () -> parser.parse(file));
        assertTrue(error.getMessage().contains("UTF-8"), error.getMessage());
    }
}
