package de.akte.ingest.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a labelled corpus: one {@code label;text} per line, UTF-8. A field may be quoted with
 * {@code '} or {@code "}; a quoted field may contain {@code ;} and its quote doubled. Blank lines and
 * lines starting with {@code #} are skipped. A malformed line is an {@link IllegalArgumentException}
 * naming its line number.
 */
public final class LabelledCorpusReader {

    private static final char SEPARATOR = ';';

    /** The corpus in a file, in file order. */
    public List<LabelledText> read(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader);
        }
    }

    /** The corpus from a reader, in order. */
    public List<LabelledText> read(Reader source) throws IOException {
        BufferedReader lines = source instanceof BufferedReader buffered ? buffered : new BufferedReader(source);
        List<LabelledText> corpus = new ArrayList<>();
        int lineNumber = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1); // a byte order mark left by Windows editors
            }
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            List<String> fields = fields(line, lineNumber);
            if (fields.size() != 2) {
                throw malformed(lineNumber, "expected label;text, found " + fields.size() + " field(s)");
            }
            String label = fields.get(0).strip();
            if (label.isEmpty()) {
                throw malformed(lineNumber, "empty label");
            }
            corpus.add(new LabelledText(label, fields.get(1).strip(), lineNumber));
        }
        return corpus;
    }

    private static List<String> fields(String line, int lineNumber) {
        List<String> fields = new ArrayList<>();
        int position = 0;
        while (true) {
            int start = skipSpaces(line, position);
            char first = start < line.length() ? line.charAt(start) : SEPARATOR;
            StringBuilder field = new StringBuilder();
            if (first == '"' || first == '\'') {
                position = quoted(line, start, first, field, lineNumber);
                position = skipSpaces(line, position);
                if (position < line.length() && line.charAt(position) != SEPARATOR) {
                    throw malformed(lineNumber, "text after the closing quote at column " + (position + 1));
                }
            } else {
                // a quote inside an unquoted field is just an apostrophe: "geht's"
                int end = line.indexOf(SEPARATOR, position);
                position = end < 0 ? line.length() : end;
                field.append(line, start, position);
            }
            fields.add(field.toString());
            if (position >= line.length()) {
                return fields;
            }
            position++; // the separator
        }
    }

    // Appends the content of the quoted field opening at start; returns the index after its closing quote.
    private static int quoted(String line, int start, char quote, StringBuilder field, int lineNumber) {
        int position = start + 1;
        while (position < line.length()) {
            char c = line.charAt(position);
            if (c == quote) {
                if (position + 1 < line.length() && line.charAt(position + 1) == quote) {
                    field.append(quote);
                    position += 2;
                    continue;
                }
                return position + 1;
            }
            field.append(c);
            position++;
        }
        throw malformed(lineNumber, "unterminated quote opened at column " + (start + 1));
    }

    private static int skipSpaces(String line, int position) {
        while (position < line.length() && line.charAt(position) == ' ') {
            position++;
        }
        return position;
    }

    private static IllegalArgumentException malformed(int lineNumber, String problem) {
        return new IllegalArgumentException("line " + lineNumber + ": " + problem);
    }
}
