package de.akte.core.imports;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes CSV records as RFC 4180 asks (quoted fields where needed, quotes doubled, CRLF between records) with the
 * semicolon German spreadsheets expect, and neutralises cells a spreadsheet would run as a formula.
 */
public final class CsvCells {

    /** The record separator RFC 4180 prescribes. */
    public static final String LINE_END = "\r\n";
    private static final char SEPARATOR = ';';

    private CsvCells() {
    }

    /** One record: the cells joined and terminated by CRLF. */
    public static String record(List<?> cells) {
        return cells.stream().map(CsvCells::cell).collect(Collectors.joining(String.valueOf(SEPARATOR))) + LINE_END;
    }

    /**
     * One field. Line breaks become spaces: RFC 4180 would allow them inside quotes, but line-based tools (grep,
     * older importers) would then read a forged record. Text starting with {@code = + - @}, a tab or a carriage
     * return is a formula to Excel and LibreOffice (DDE links such as {@code =cmd|...} run programs), so it gets a
     * leading apostrophe, which shows the text as typed. Fields holding the separator, a comma or a quote are
     * quoted, quotes doubled.
     */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString().replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        boolean quote = s.indexOf(SEPARATOR) >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0
                || s.indexOf('\r') >= 0 || s.indexOf(',') >= 0;
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
