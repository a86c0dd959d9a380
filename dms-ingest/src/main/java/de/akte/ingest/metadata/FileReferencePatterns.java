package de.akte.ingest.metadata;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Settings for file references (Aktenzeichen): the shapes a normalised reference must match, and whether a
 * reference without a label ("Az.", "Aktenzeichen", …) is accepted.
 *
 * @param shapes regexes a whole normalised reference (no spaces, OCR confusions fixed) must match
 * @param acceptBare whether an unlabelled reference that exactly matches a shape counts
 */
public record FileReferencePatterns(List<Pattern> shapes, boolean acceptBare) {

    /** The usual municipal shape: plan number, optional sub number, year, e.g. {@code 32-41/2025}. */
    public static final FileReferencePatterns DEFAULT = of(List.of("\\d{1,4}(?:\\.\\d{1,4})?-\\d{1,4}(?:\\.\\d{1,4})?/\\d{4}"), true);

    public FileReferencePatterns {
        shapes = List.copyOf(shapes);
        if (shapes.isEmpty()) {
            throw new IllegalArgumentException("at least one file reference shape is needed");
        }
    }

    /** Compiles the given regexes. */
    public static FileReferencePatterns of(List<String> regexes, boolean acceptBare) {
        return new FileReferencePatterns(regexes.stream().map(Pattern::compile).toList(), acceptBare);
    }

    boolean matchesShape(String normalised) {
        return shapes.stream().anyMatch(p -> p.matcher(normalised).matches());
    }
}
