package de.akte.ingest.metadata;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds IBANs written with or without spaces and keeps only those passing the ISO 13616 mod-97 check. */
final class IbanFinder {

    // Candidates run greedily into following words ("… 00 BIC …"), so the length is cut afterwards.
    private static final Pattern CANDIDATE = Pattern.compile("(?=[A-Z]{2}\\d)(?<![A-Z0-9])[A-Z]{2}\\d{2}(?: ?[A-Z0-9]){11,30}");

    /** Lengths of common countries; others are tried from the longest prefix down. */
    private static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("DE", 22), Map.entry("AT", 20), Map.entry("CH", 21), Map.entry("LI", 21), Map.entry("NL", 18),
            Map.entry("BE", 16), Map.entry("LU", 20), Map.entry("FR", 27), Map.entry("IT", 27), Map.entry("ES", 24),
            Map.entry("PL", 28), Map.entry("DK", 18), Map.entry("GB", 22), Map.entry("CZ", 24), Map.entry("IE", 22));
    private static final int MIN_LENGTH = 15;
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    List<ExtractedField> find(int page, String text) {
        List<ExtractedField> found = new ArrayList<>();
        Matcher m = CANDIDATE.matcher(text);
        int from = 0;
        while (m.find(from)) {
            String compact = m.group().replace(" ", "");
            Integer known = LENGTHS.get(compact.substring(0, 2));
            int hit = -1;
            for (int len = known != null ? known : compact.length(); len >= (known != null ? known : MIN_LENGTH); len--) {
                if (len <= compact.length() && isValid(compact.substring(0, len))) {
                    int end = rawEnd(text, m.start(), len);
                    if (end == text.length() || !Character.isLetterOrDigit(text.charAt(end))) {
                        hit = end;
                        found.add(new ExtractedField(FieldKind.IBAN, compact.substring(0, len), text.substring(m.start(), end), page, m.start(), end));
                        break;
                    }
                }
            }
            from = hit > 0 ? hit : m.start() + 1;
        }
        return found;
    }

    /** The offset after the {@code count}-th non-space character from {@code start}. */
    private static int rawEnd(String text, int start, int count) {
        int i = start;
        for (int seen = 0; seen < count; i++) {
            if (text.charAt(i) != ' ') {
                seen++;
            }
        }
        return i;
    }

    static boolean isValid(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder(rearranged.length() * 2);
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }
}
