package de.akte.ingest.cli;

import de.akte.ingest.imports.source.ItemPaths;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the manifest CSV: UTF-8 with or without BOM, separated by {@code ;} or {@code ,} (whichever the header uses),
 * fields optionally in double quotes with {@code ""} for a quote. Columns: {@code file} (required), {@code caseFile},
 * {@code department}, {@code documentType}, {@code title}, {@code date} (dd.MM.yyyy or yyyy-MM-dd).
 */
public final class ManifestParser {

    static final List<String> COLUMNS = List.of("file", "caseFile", "department", "documentType", "title", "date");

    private static final DateTimeFormatter GERMAN_DATE =
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT);

    public Manifest parse(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ImportUsageException("cannot read the manifest " + file + ": " + e.getMessage(), e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            // Excel's "CSV" without "UTF-8" writes Windows-1252; saying so beats importing mangled umlauts
            throw new ImportUsageException("manifest " + file + " is not UTF-8; save it as \"CSV UTF-8\"", e);
        }
        return parse(text, file.getFileName().toString());
    }

    Manifest parse(String text, String name) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Record> records = new Tokenizer(text, separatorOf(text)).records(name);
        if (records.isEmpty()) {
            throw new ImportUsageException(name + ": the manifest is empty; its first line must name the columns, e.g. "
                    + String.join(";", COLUMNS));
        }
        int[] columnOf = columns(records.get(0), name);
        Map<String, ManifestRow> rows = new LinkedHashMap<>();
        for (Record record : records.subList(1, records.size())) {
            ManifestRow row = row(record, columnOf, name);
            ManifestRow earlier = rows.putIfAbsent(row.file(), row);
            if (earlier != null) {
                throw new ImportUsageException(name + " line " + record.line() + ": file " + row.file()
                        + " is already described in line " + earlier.line());
            }
        }
        return new Manifest(rows);
    }

    /** The header decides: whichever of ; and , it contains outside quotes (a one-column header defaults to ;). */
    static char separatorOf(String text) {
        int semicolons = 0;
        int commas = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            }
        }
        return commas > semicolons ? ',' : ';';
    }

    private static int[] columns(Record header, String name) {
        int[] columnOf = new int[COLUMNS.size()];
        java.util.Arrays.fill(columnOf, -1);
        for (int i = 0; i < header.fields().size(); i++) {
            String heading = header.fields().get(i).trim();
            int column = indexOfColumn(heading);
            if (column < 0) {
                throw new ImportUsageException(name + " line " + header.line() + ": unknown column \"" + heading
                        + "\"; the columns are " + String.join(", ", COLUMNS));
            }
            if (columnOf[column] >= 0) {
                throw new ImportUsageException(name + " line " + header.line() + ": column " + heading + " twice");
            }
            columnOf[column] = i;
        }
        if (columnOf[0] < 0) {
            throw new ImportUsageException(name + " line " + header.line() + ": the column \"file\" is missing");
        }
        return columnOf;
    }

    private static int indexOfColumn(String heading) {
        for (int i = 0; i < COLUMNS.size(); i++) {
            if (COLUMNS.get(i).equalsIgnoreCase(heading)) {
                return i;
            }
        }
        return -1;
    }

    private static ManifestRow row(Record record, int[] columnOf, String name) {
        int width = 0;
        for (int column : columnOf) {
            width = Math.max(width, column + 1);
        }
        int used = record.fields().size();
        // trailing empty fields (spreadsheets write them for blank cells) carry nothing and are allowed
        while (used > width && record.fields().get(used - 1).isBlank()) {
            used--;
        }
        if (used > width) {
            throw new ImportUsageException(name + " line " + record.line() + ": " + used
                    + " fields, but the header has only " + width + " columns (a separator inside a value needs quotes)");
        }
        String file = field(record, columnOf[0]);
        if (file == null) {
            throw new ImportUsageException(name + " line " + record.line() + ": the file name is empty");
        }
        String date = field(record, columnOf[5]);
        return new ManifestRow(record.line(), ItemPaths.normalise(file), field(record, columnOf[1]),
                field(record, columnOf[2]), field(record, columnOf[3]), field(record, columnOf[4]),
                date == null ? null : date(date, record.line(), name));
    }

    private static String field(Record record, int column) {
        if (column < 0 || column >= record.fields().size()) {
            return null;
        }
        String value = record.fields().get(column).trim();
        return value.isEmpty() ? null : value;
    }

    static LocalDate date(String value, int line, String name) {
        try {
            return value.contains(".") ? LocalDate.parse(value, GERMAN_DATE) : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ImportUsageException(name + " line " + line + ": \"" + value
                    + "\" is not a date; write dd.MM.yyyy or yyyy-MM-dd");
        }
    }

    /** One CSV record and the line it starts on (a quoted value may span lines). */
    private record Record(int line, List<String> fields) {
    }

    /** Splits the text into records; blank lines are skipped. */
    private static final class Tokenizer {
        private final String text;
        private final char separator;

        Tokenizer(String text, char separator) {
            this.text = text;
            this.separator = separator;
        }

        List<Record> records(String name) {
            List<Record> records = new ArrayList<>();
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            int line = 1;
            int recordLine = 1;
            boolean quoted = false;
            boolean wasQuoted = false;
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                    }
                } else if (c == '"') {
                    if (field.toString().isBlank() && !wasQuoted) {
                        field.setLength(0);
                        quoted = true;
                        wasQuoted = true;
                    } else {
                        throw new ImportUsageException(name + " line " + line
                                + ": a quote inside a value must be doubled and the whole value quoted");
                    }
                } else if (c == separator) {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                } else if (c == '\r' || c == '\n') {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    fields.add(field.toString());
                    addUnlessBlank(records, recordLine, fields);
                    fields = new ArrayList<>();
                    field.setLength(0);
                    wasQuoted = false;
                    line++;
                    recordLine = line;
                } else if (wasQuoted && !Character.isWhitespace(c)) {
                    throw new ImportUsageException(name + " line " + line
                            + ": text after the closing quote of a value");
                } else {
                    field.append(c);
                }
                i++;
            }
            if (quoted) {
                throw new ImportUsageException(name + " line " + recordLine + ": a quoted value is never closed");
            }
            fields.add(field.toString());
            addUnlessBlank(records, recordLine, fields);
            return records;
        }

        private static void addUnlessBlank(List<Record> records, int line, List<String> fields) {
            boolean blank = fields.stream().allMatch(String::isBlank);
            if (!blank) {
                records.add(new Record(line, List.copyOf(fields)));
            }
        }
    }
}
