package de.akte.ingest.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds euro amounts in German notation ({@code 1.234,56 €}, {@code EUR 12,00}) and normalises them to {@code 1234.56}. */
final class AmountFinder {

    private static final String NUMBER = "(?<![\\d.,])(\\d{1,3}(?:\\.\\d{3})+|\\d+),(\\d{2})(?![\\d,])";
    // A currency on either side is required, otherwise every "3,5 %" or version number would count.
    private static final Pattern AMOUNT = Pattern.compile(
            "(?=[€E\\d])(?:(?:€|\\bEUR)\\s?" + NUMBER + "|" + NUMBER + "\\s?(?:€|EUR\\b))");

    List<ExtractedField> find(int page, String text) {
        List<ExtractedField> found = new ArrayList<>();
        Matcher m = AMOUNT.matcher(text);
        while (m.find()) {
            String euros = m.group(1) != null ? m.group(1) : m.group(3);
            String cents = m.group(2) != null ? m.group(2) : m.group(4);
            String value = euros.replace(".", "") + "." + cents;
            found.add(new ExtractedField(FieldKind.AMOUNT, value, m.group(), page, m.start(), m.end()));
        }
        return found;
    }
}
