package de.akte.web.interfaces.rest;

import de.akte.core.shared.InvalidInputException;

import de.akte.core.shared.Clock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Parses query parameters so that a malformed value is a 400 naming the parameter (not JAX-RS's 404). */
final class Params {

    private Params() {
    }

    static int integer(String raw, String name, int fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, name + " must be a whole number, not '" + shorten(raw) + "'");
        }
    }

    static LocalDate date(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, name + " must be a date like 2026-11-27, not '" + shorten(raw) + "'");
        }
    }

    /**
     * An instant given as an ISO-8601 date-time with offset ({@code 2026-12-03T10:00:00+01:00}) or as a date, which
     * means the start of that day in the product's time zone, or with {@code endOfDay} the start of the next one.
     */
    static Instant instant(String raw, String name, boolean endOfDay) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.strip();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notADateTime) {
            try {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(Clock.ZONE).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidInputException(name, name + " must be a date like 2026-11-27 or a time like "
                        + "2026-11-27T14:30:00+01:00, not '" + shorten(raw) + "'");
            }
        }
    }

    static int page(String raw) {
        int page = integer(raw, "page", 0);
        if (page < 0) {
            throw new InvalidInputException("page", "page must not be negative");
        }
        return page;
    }

    static int size(String raw) {
        int size = integer(raw, "size", 20);
        if (size < 1 || size > 200) {
            throw new InvalidInputException("size", "size must be between 1 and 200");
        }
        return size;
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
