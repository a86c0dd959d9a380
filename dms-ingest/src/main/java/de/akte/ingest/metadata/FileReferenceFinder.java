package de.akte.ingest.metadata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds file references (Aktenzeichen) after an Az-like label, tolerating OCR noise, and bare ones of a known shape. */
final class FileReferenceFinder {

    // After a label OCR noise is tolerated: O/o for 0, l/I/| for 1, spaces around separators.
    private static final Pattern LABELLED = Pattern.compile(
            "(?=[AaGg])(?<![\\p{L}])(?:Aktenzeichen|Gesch(?:ä|ae)ftszeichen|Gesch\\.\\s?-?Z\\.|Az)\\.?\\s*:?\\s*"
            + "(?<ref>[0-9OoIl|]++(?!\\p{L})(?:\\s?[-/.]\\s?[0-9OoIl|]++(?!\\p{L}))+)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern BARE = Pattern.compile("(?=\\d)(?<![\\w./-])\\d[\\d./-]*\\d(?![\\w/-]|\\.\\d)");

    private final FileReferencePatterns patterns;

    FileReferenceFinder(FileReferencePatterns patterns) {
        this.patterns = patterns;
    }

    List<ExtractedField> find(int page, String text) {
        List<ExtractedField> found = new ArrayList<>();
        Matcher m = LABELLED.matcher(text);
        while (m.find()) {
            String normalised = normalise(m.group("ref"));
            if (patterns.matchesShape(normalised)) {
                found.add(new ExtractedField(FieldKind.FILE_REFERENCE, normalised, m.group("ref"), page, m.start("ref"), m.end("ref")));
            }
        }
        if (patterns.acceptBare()) {
            Matcher b = BARE.matcher(text);
            while (b.find()) {
                int start = b.start();
                boolean taken = found.stream().anyMatch(f -> f.start() < b.end() && start < f.end());
                if (!taken && patterns.matchesShape(b.group())) {
                    found.add(new ExtractedField(FieldKind.FILE_REFERENCE, b.group(), b.group(), page, start, b.end()));
                }
            }
        }
        found.sort(Comparator.comparingInt(ExtractedField::start));
        return found;
    }

    static String normalise(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        for (char c : raw.toCharArray()) {
            switch (c) {
                case 'O', 'o' -> sb.append('0');
                case 'l', 'I', '|' -> sb.append('1');
                case ' ', '\t' -> { }
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
