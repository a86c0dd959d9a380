package de.akte.core.document;

/**
 * The name an uploaded file came with. Only a label: it never becomes a path, but a name that
 * tries to be one (`../../etc/passwd`) is refused rather than silently cleaned.
 */
public record FileName(String value) {

    public FileName {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the file needs a name");
        }
        if (value.length() > 255) {
            throw new IllegalArgumentException("the file name is longer than 255 characters");
        }
        if (value.contains("/") || value.contains("\\") || value.equals(".") || value.equals("..")
                || value.startsWith("..")) {
            throw new IllegalArgumentException("the file name must not contain a path: " + printable(value));
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException("the file name contains control characters");
            }
        }
        value = value.strip();
    }

    private static String printable(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    /** The name without its extension, as a default title. */
    public String baseName() {
        int dot = value.lastIndexOf('.');
        return dot > 0 ? value.substring(0, dot) : value;
    }
}
