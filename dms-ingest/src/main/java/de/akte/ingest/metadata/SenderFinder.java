package de.akte.ingest.metadata;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Guesses the sender from the top of page 1: the first line naming an organisation (GmbH, e.V., AG, Stadt, Amt, …),
 * else the first line if it stands before the recipient block ("Herrn", "Frau", "An …"). Deliberately modest.
 */
final class SenderFinder {

    private static final int TOP_LINES = 8;
    private static final int MAX_LINE = 100;
    private static final Pattern ORGANISATION = Pattern.compile(
            "(?<!\\p{L})(?:GmbH|gGmbH|e\\.\\s?V\\.|AG|KG|Stadt|Gemeinde|Landkreis|Kreis|Amt|Stadtverwaltung|Jobcenter|(?:Ordnungs|Bauordnungs|Bau|Sozial|Jugend|Standes|Bürger|Finanz|Steuer|Gesundheits|Umwelt|Vermessungs|Grundbuch|Haupt|Rechts|Kataster|Landrats|Einwohnermelde|Straßenverkehrs|Ausländer|Amts)(?:amt|gericht))(?!\\p{L})");
    private static final Pattern RECIPIENT = Pattern.compile("^(?:Herrn|Frau|An(?: das| die| den)?|z\\. ?Hd\\.)(?:\\s|$)");
    // Return-address lines separate name, street and town with these; the name comes first.
    private static final Pattern SEGMENT_SEPARATOR = Pattern.compile("\\s*(?:·|•|\\||\\s-\\s|,)\\s*");

    Optional<ExtractedField> find(String firstPage) {
        Optional<ExtractedField> firstLine = Optional.empty();
        int offset = 0;
        int seen = 0;
        boolean recipientFollows = false;
        for (String line : firstPage.split("\n", -1)) {
            int lineStart = offset;
            offset += line.length() + 1;
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (RECIPIENT.matcher(trimmed).find()) {
                recipientFollows = true;
                break;
            }
            if (++seen > TOP_LINES) {
                break;
            }
            if (trimmed.length() > MAX_LINE || trimmed.chars().noneMatch(Character::isLetter)) {
                continue;
            }
            int start = lineStart + line.indexOf(trimmed);
            ExtractedField field = new ExtractedField(FieldKind.SENDER, SEGMENT_SEPARATOR.split(trimmed, 2)[0], trimmed, 1, start, start + trimmed.length());
            if (ORGANISATION.matcher(trimmed).find()) {
                return Optional.of(field);
            }
            if (firstLine.isEmpty() && seen == 1) {
                firstLine = Optional.of(field);
            }
        }
        // Only trust a plain first line if a recipient block follows; otherwise it may be any text.
        return recipientFollows ? firstLine : Optional.empty();
    }
}
