package de.akte.core.infrastructure.filesystem;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * What protects a blob on the filesystem from deletion: a retain-until instant ({@code null}
 * when none was set) and a legal hold; stored as a small properties sidecar.
 */
record BlobRetention(Instant retainUntil, boolean legalHold) {

    static final BlobRetention NONE = new BlobRetention(null, false);

    private static final String RETAIN_UNTIL = "retainUntil";
    private static final String LEGAL_HOLD = "legalHold";

    BlobRetention extendedTo(Instant until) {
        if (retainUntil != null && !retainUntil.isBefore(until)) {
            return this;
        }
        return new BlobRetention(until, legalHold);
    }

    BlobRetention withLegalHold(boolean hold) {
        return new BlobRetention(retainUntil, hold);
    }

    /** Why the blob may not be deleted at {@code now}, or empty when it may. */
    Optional<String> reasonAgainstDeletion(Instant now) {
        if (legalHold) {
            return Optional.of("it is under legal hold");
        }
        if (retainUntil != null && now.isBefore(retainUntil)) {
            return Optional.of("it is retained until " + retainUntil);
        }
        return Optional.empty();
    }

    static BlobRetention read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return NONE;
        }
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        String until = properties.getProperty(RETAIN_UNTIL);
        return new BlobRetention(until == null ? null : Instant.parse(until),
                Boolean.parseBoolean(properties.getProperty(LEGAL_HOLD)));
    }

    String format() {
        StringBuilder text = new StringBuilder();
        if (retainUntil != null) {
            text.append(RETAIN_UNTIL).append('=').append(retainUntil).append('\n');
        }
        return text.append(LEGAL_HOLD).append('=').append(legalHold).append('\n').toString();
    }
}
