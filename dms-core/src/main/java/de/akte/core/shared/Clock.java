package de.akte.core.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The time source of the domain, replaceable in tests to travel in time. */
public interface Clock {

    /** Europe/Berlin: the administrations we serve keep their dates in German local time. */
    ZoneId ZONE = ZoneId.of("Europe/Berlin");

    Instant now();

    default LocalDate today() {
        return LocalDate.ofInstant(now(), ZONE);
    }

    /** The system clock, truncated to microseconds so values survive a database round trip. */
    static Clock system() {
        return () -> Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
