package de.akte.core.casefile;

import java.util.regex.Pattern;

/**
 * An Aktenzeichen such as {@code 32-41/2025}: unique per case file, printed on every letter.
 * Stored trimmed with inner white space collapsed, otherwise exactly as written.
 */
public record FileReference(String value) {

    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ./:_-]{0,99}");

    public FileReference {
        if (value == null) {
            throw new IllegalArgumentException("a file reference is required");
        }
        value = value.strip().replaceAll("\\s+", " ");
        if (!ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "a file reference consists of letters, digits, spaces and . / : _ - (at most 100 characters)");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
