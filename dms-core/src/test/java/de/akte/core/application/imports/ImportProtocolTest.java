package de.akte.core.application.imports;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportProtocolTest {

    private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void scannedByWithQuoteNewlineAndFormulaStaysOneNeutralisedRecord() {
        String hostile = "\"\n=cmd|' /C calc'!A0;x;y\r\n+1";
        ImportProtocol protocol = new ImportProtocol(7, "k", "scanner", "CLIENT", "anna", hostile, AT, AT,
                List.of(new ImportItemView("a.pdf", "ab", 3L, "IMPORTED", 5L, 1, null, AT)), null);

        List<List<String>> records = parse(protocol.toCsv());

        // 7 facts, the column names, one item: the text of scannedBy forged nothing
        assertEquals(9, records.size(), protocol.toCsv());
        assertEquals(List.of("# scanned by: \" =cmd|' /C calc'!A0;x;y +1"), records.get(4));
        assertTrue(protocol.toCsv().lines().noneMatch(line -> line.startsWith("=")), protocol.toCsv());
        assertEquals(List.of("a.pdf", "ab", "3", "IMPORTED", "5", "1", AT.toString(), ""), records.get(8));
    }

    @Test
    void cellsThatLookLikeFormulasGetAnApostrophe() {
        ImportProtocol protocol = new ImportProtocol(7, "k", "s", "CLIENT", "anna", "Frau Scan", AT, AT,
                List.of(new ImportItemView("=HYPERLINK(\"http://x\")", null, null, "FAILED", null, null,
                        "@SUM(1)", AT), new ImportItemView("-2+3.pdf", null, null, "FAILED", null, null,
                        "\tx", AT), new ImportItemView("\n=1+1", null, null, "FAILED", null, null, null, AT)), null);

        List<List<String>> records = parse(protocol.toCsv());

        assertEquals("'=HYPERLINK(\"http://x\")", records.get(8).get(0));
        assertEquals("'@SUM(1)", records.get(8).get(7));
        assertEquals("'-2+3.pdf", records.get(9).get(0));
        assertEquals("'\tx", records.get(9).get(7));
        assertEquals(" =1+1", records.get(10).get(0), "a line break folded to a space starts no formula");
    }

    @Test
    void quotesOnlyWhatNeedsQuotingAndEndsRecordsWithCrLf() {
        ImportProtocol protocol = new ImportProtocol(7, "k", "s", "CLIENT", "anna", "Frau Scan", AT, AT,
                List.of(new ImportItemView("a;b \"c\".pdf", null, null, "FAILED", null, null, "plain", AT)), null);

        String csv = protocol.toCsv();

        String last = csv.lines().reduce((a, b) -> b).orElseThrow();
        assertEquals("\"a;b \"\"c\"\".pdf\";;;FAILED;;;" + AT + ";plain", last);
        assertEquals(csv.split("\n", -1).length - 1, csv.split("\r\n", -1).length - 1, "every line ends in CRLF");
    }

    /** An RFC 4180 reader (with semicolons), as a spreadsheet reads the file. */
    private static List<List<String>> parse(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ';') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return records;
    }
}
