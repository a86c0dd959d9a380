package de.akte.core.application.mail;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a message says about itself, decoded for people: sender, recipients, subject, date and Message-ID. Every
 * field may be missing in a real message.
 *
 * @param sent when the message says it was sent, or null
 */
public record MessageHeaders(String messageId, String from, String to, String cc, String subject, Instant sent) {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** The metadata its document carries ({@code mail.from}, …), leaving out what the message does not say. */
    public Map<String, String> metadata() {
        Map<String, String> metadata = new LinkedHashMap<>();
        put(metadata, "mail.from", from);
        put(metadata, "mail.to", to);
        put(metadata, "mail.cc", cc);
        put(metadata, "mail.subject", subject);
        put(metadata, "mail.date", sent == null ? null : sent.toString());
        put(metadata, "mail.messageId", messageId);
        return metadata;
    }

    /** A title for its document: the subject, else who sent it. */
    public String title() {
        if (subject != null && !subject.isBlank()) {
            return cut(subject.strip());
        }
        return from == null || from.isBlank() ? "E-Mail ohne Betreff" : cut("E-Mail von " + from.strip());
    }

    /** The day it was sent, in the administration's time zone. */
    public Optional<LocalDate> day() {
        return Optional.ofNullable(sent).map(s -> s.atZone(BERLIN).toLocalDate());
    }

    private static String cut(String title) {
        return title.length() > 500 ? title.substring(0, 497) + "..." : title;
    }

    private static void put(Map<String, String> metadata, String key, String value) {
        if (value != null && !value.isBlank()) {
            metadata.put(key, value.strip());
        }
    }
}
