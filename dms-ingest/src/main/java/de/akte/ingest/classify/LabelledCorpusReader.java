package de.akte.ingest.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a labelled corpus as people's files are: one document per line, {@code label;text} (or tab- or
 * comma-separated: the first separator outside quotes on the first line decides), UTF-8 or else Windows-1252,
 * with or without a byte order mark, Unix or Windows line ends. A header line may name the columns (a label column
 * such as {@code label}/{@code Kategorie} and a text column such as {@code text}/{@code Inhalt}, in any order
 * among others). A field is quoted only when it starts <em>and</em> ends with the same quote ({@code "} or
 * {@code '}, inner quotes doubled) before the separator; otherwise a quote is just a character of the text, so
 * {@code Web;"Premium"-Tarif} reads as it looks. Blank lines and lines starting with {@code #} are skipped. A line
 * that still cannot be read is reported with its number and skipped, or, when strict, stops the reading.
 */
public final class LabelledCorpusReader {

    private static final Set<String> LABEL_NAMES = Set.of("label", "labels", "klasse", "kategorie", "category",
            "class", "typ", "type", "dokumenttyp", "documenttype");
    private static final Set<String> TEXT_NAMES = Set.of("text", "inhalt", "content", "body", "volltext");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final boolean strict;

    /** A lenient reader: unreadable lines are reported and skipped. */
    public LabelledCorpusReader() {
        this(false);
    }

    /** @param strict whether the first unreadable line stops the reading (an {@link IllegalArgumentException}) */
    public LabelledCorpusReader(boolean strict) {
        this.strict = strict;
    }

    /** The corpus in a file, in file order: UTF-8 if the bytes are valid UTF-8, else Windows-1252. */
    public LabelledCorpus read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text;
        Charset charset = StandardCharsets.UTF_8;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            // Excel and older Windows tools save "ANSI": ä is one byte there, never valid UTF-8
            charset = WINDOWS_1252;
            text = new String(bytes, WINDOWS_1252);
        }
        return read(new StringReader(text), charset);
    }

    /** The corpus from decoded text, in order. */
    public LabelledCorpus read(Reader source) throws IOException {
        return read(source, StandardCharsets.UTF_8);
    }

    private LabelledCorpus read(Reader source, Charset charset) throws IOException {
        BufferedReader lines = source instanceof BufferedReader buffered ? buffered : new BufferedReader(source);
        List<LabelledText> documents = new ArrayList<>();
        List<LabelledCorpus.BadLine> badLines = new ArrayList<>();
        Layout layout = null;
        int lineNumber = 0;
        // readLine ends a line at \n, \r\n or \r, so Windows line ends leave no \r in the text
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1); // a byte order mark left by Windows editors
            }
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            if (layout == null) {
                char separator = separatorOf(line);
                layout = Layout.fromHeader(fields(line, separator), separator);
                if (layout != null) {
                    continue;
                }
                layout = new Layout(separator, 0, 1, 2);
            }
            try {
                documents.add(layout.document(fields(line, layout.separator()), lineNumber));
            } catch (IllegalArgumentException e) {
                LabelledCorpus.BadLine bad = new LabelledCorpus.BadLine(lineNumber, e.getMessage());
                if (strict) {
                    throw new IllegalArgumentException(bad.toString(), e);
                }
                badLines.add(bad);
            }
        }
        return new LabelledCorpus(documents, badLines, charset);
    }

    // the label comes first and holds no separator, so the first one outside quotes is the file's
    static char separatorOf(String line) {
        int position = skipSpaces(line, 0);
        if (position < line.length() && isQuote(line.charAt(position))) {
            int end = closingQuote(line, position);
            if (end > 0) {
                position = end + 1;
            }
        }
        for (int i = position; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t' || c == ';' || c == ',') {
                return c;
            }
        }
        return ';';
    }

    static List<String> fields(String line, char separator) {
        List<String> fields = new ArrayList<>();
        int position = 0;
        while (true) {
            int start = skipSpaces(line, position);
            String field = null;
            if (start < line.length() && isQuote(line.charAt(start))) {
                int close = closingQuote(line, start);
                int after = close < 0 ? -1 : skipSpaces(line, close + 1);
                if (after >= 0 && (after == line.length() || line.charAt(after) == separator)) {
                    char quote = line.charAt(start);
                    field = line.substring(start + 1, close).replace("" + quote + quote, "" + quote);
                    position = after;
                }
            }
            if (field == null) {
                // not quoted as a whole: a quote in it is just a character ("geht's", "Premium"-Tarif)
                int end = line.indexOf(separator, start);
                position = end < 0 ? line.length() : end;
                field = line.substring(start, position);
            }
            fields.add(field);
            if (position >= line.length()) {
                return fields;
            }
            position++; // the separator
        }
    }

    // the index of the quote closing the one at start (doubled quotes are content), or -1 if it is never closed
    private static int closingQuote(String line, int start) {
        char quote = line.charAt(start);
        int position = start + 1;
        while (position < line.length()) {
            if (line.charAt(position) == quote) {
                if (position + 1 < line.length() && line.charAt(position + 1) == quote) {
                    position += 2;
                    continue;
                }
                return position;
            }
            position++;
        }
        return -1;
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'';
    }

    private static int skipSpaces(String line, int position) {
        while (position < line.length() && line.charAt(position) == ' ') {
            position++;
        }
        return position;
    }

    /** Where label and text stand in a line, and how many fields a line has. */
    private record Layout(char separator, int labelColumn, int textColumn, int columns) {

        static Layout fromHeader(List<String> names, char separator) {
            int label = -1;
            int text = -1;
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i).strip().toLowerCase(Locale.ROOT);
                if (label < 0 && LABEL_NAMES.contains(name)) {
                    label = i;
                } else if (text < 0 && TEXT_NAMES.contains(name)) {
                    text = i;
                }
            }
            return label < 0 || text < 0 ? null : new Layout(separator, label, text, names.size());
        }

        LabelledText document(List<String> fields, int lineNumber) {
            if (fields.size() != columns) {
                throw new IllegalArgumentException(columns == 2
                        ? "expected label" + separatorName() + "text, found " + fields.size() + " field(s)"
                        : "expected " + columns + " fields as in the header, found " + fields.size());
            }
            String label = fields.get(labelColumn).strip();
            if (label.isEmpty()) {
                throw new IllegalArgumentException("empty label");
            }
            String text = fields.get(textColumn).strip();
            if (text.isEmpty()) {
                throw new IllegalArgumentException("empty text");
            }
            return new LabelledText(label, text, lineNumber);
        }

        private String separatorName() {
            return separator == '\t' ? "<tab>" : String.valueOf(separator);
        }
    }
}
