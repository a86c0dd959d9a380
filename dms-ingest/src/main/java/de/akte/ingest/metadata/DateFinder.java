package de.akte.ingest.metadata;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the document date: German and ISO dates, scored by where they stand in the letter. */
final class DateFinder {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("januar", 1), Map.entry("jänner", 1), Map.entry("jan", 1),
            Map.entry("februar", 2), Map.entry("feb", 2),
            Map.entry("märz", 3), Map.entry("maerz", 3), Map.entry("mär", 3), Map.entry("mrz", 3),
            Map.entry("april", 4), Map.entry("apr", 4), Map.entry("mai", 5),
            Map.entry("juni", 6), Map.entry("jun", 6), Map.entry("juli", 7), Map.entry("jul", 7),
            Map.entry("august", 8), Map.entry("aug", 8),
            Map.entry("september", 9), Map.entry("sept", 9), Map.entry("sep", 9),
            Map.entry("oktober", 10), Map.entry("okt", 10), Map.entry("november", 11), Map.entry("nov", 11),
            Map.entry("dezember", 12), Map.entry("dez", 12));

    private static final Pattern DATE = Pattern.compile(
            "(?=\\d)(?:(?<![\\d.])(?<d>\\d{1,2})\\.\\s?(?<m>\\d{1,2})\\.\\s?(?<y>\\d{4}|\\d{2})(?!\\d|\\.\\d)"
            + "|(?<![\\d.])(?<d2>\\d{1,2})\\.\\s*(?<mn>Januar|Jänner|Februar|März|Maerz|April|Mai|Juni|Juli|August"
            + "|September|Oktober|November|Dezember|Jan|Feb|Mär|Mrz|Apr|Jun|Jul|Aug|Sept|Sep|Okt|Nov|Dez)\\.?\\s+(?<y2>\\d{4})(?!\\d)"
            + "|(?<![\\d-])(?<iy>\\d{4})-(?<im>\\d{2})-(?<id>\\d{2})(?![\\d-]))",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    // "Datum:" or "Musterstadt," directly before the date on the same line: how letters state their own date.
    private static final Pattern DATE_LABEL = Pattern.compile("(?i)datum\\s*:?\\s*$");
    private static final Pattern PLACE_COMMA = Pattern.compile("\\p{Lu}[\\p{L}.\\- ]*,\\s*$");

    /** Lines of page 1 that count as "near the top", where letterheads put the date. */
    private static final int TOP_LINES = 15;

    Optional<ExtractedField> findDocumentDate(List<String> pages) {
        ExtractedField best = null;
        int bestScore = 0;
        for (int p = 0; p < pages.size(); p++) {
            String text = pages.get(p);
            Matcher m = DATE.matcher(text);
            while (m.find()) {
                Optional<LocalDate> date = parse(m);
                if (date.isEmpty()) {
                    continue;
                }
                int score = score(text, m.start(), p == 0);
                // Strictly greater: on a tie the earlier date wins.
                if (score > bestScore) {
                    bestScore = score;
                    best = new ExtractedField(FieldKind.DOCUMENT_DATE, date.get().toString(), m.group(), p + 1, m.start(), m.end());
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static int score(String text, int start, boolean firstPage) {
        int lineStart = text.lastIndexOf('\n', start - 1) + 1;
        String before = text.substring(lineStart, start);
        int score = 0;
        if (DATE_LABEL.matcher(before).find() || PLACE_COMMA.matcher(before).find()) {
            score += 4;
        }
        if (firstPage) {
            score += 1;
            if (text.substring(0, start).chars().filter(c -> c == '\n').count() < TOP_LINES) {
                score += 1;
            }
        }
        return score;
    }

    static Optional<LocalDate> parse(Matcher m) {
        try {
            if (m.group("d") != null) {
                int year = Integer.parseInt(m.group("y"));
                if (m.group("y").length() == 2) {
                    // Two-digit years in current correspondence are this century; older ones are rare enough.
                    year += year < 70 ? 2000 : 1900;
                }
                return Optional.of(LocalDate.of(year, Integer.parseInt(m.group("m")), Integer.parseInt(m.group("d"))));
            }
            if (m.group("d2") != null) {
                int month = MONTHS.get(m.group("mn").toLowerCase(Locale.GERMAN));
                return Optional.of(LocalDate.of(Integer.parseInt(m.group("y2")), month, Integer.parseInt(m.group("d2"))));
            }
            return Optional.of(LocalDate.of(Integer.parseInt(m.group("iy")), Integer.parseInt(m.group("im")), Integer.parseInt(m.group("id"))));
        } catch (DateTimeException e) {
            return Optional.empty(); // 31.02.2026 and the like
        }
    }
}
