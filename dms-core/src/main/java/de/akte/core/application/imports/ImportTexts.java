package de.akte.core.application.imports;

import de.akte.core.shared.InvalidInputException;

/** The checks and shapes of an import's texts: keys, sources, item paths. */
final class ImportTexts {

    private ImportTexts() {
    }

    static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, field + " is required");
        }
        if (value.length() > max) {
            throw new InvalidInputException(field, field + " is longer than " + max + " characters");
        }
        return value.strip();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a.strip() : b;
    }

    /** A relative path without empty, '.' or '..' segments, with forward slashes. */
    static String itemPath(String raw) {
        String path = required(raw, "path", 1000).replace('\\', '/');
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new InvalidInputException("path", "the item path must be relative, without empty, '.' or '..' "
                        + "segments: " + raw);
            }
        }
        return path;
    }

    static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static String baseName(String path) {
        String name = fileName(path);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
