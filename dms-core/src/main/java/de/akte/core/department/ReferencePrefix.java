package de.akte.core.department;

import java.util.regex.Pattern;

/**
 * The beginning of file references a department numbers its case files under, such as {@code 63-}. Compared
 * without regard to case, like the reference search, so that {@code OA-} and {@code oa-} are one prefix.
 */
public record ReferencePrefix(String value) {

    /** The characters of a file reference, at most half its length so that a number still fits behind it. */
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ./:_-]{0,49}");

    public ReferencePrefix {
        if (value == null) {
            throw new IllegalArgumentException("a reference prefix is required");
        }
        value = value.strip().replaceAll("\\s+", " ");
        if (!ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException("a reference prefix begins with a letter or digit and consists of"
                    + " letters, digits, spaces and . / : _ - (at most 50 characters): " + abbreviate(value));
        }
    }

    /** The prefix a department numbers under unless an administrator says otherwise: its code and a dash. */
    public static ReferencePrefix defaultFor(String departmentCode) {
        return new ReferencePrefix(departmentCode + "-");
    }

    /** Whether the reference (as written, trimmed) begins with this prefix. */
    public boolean begins(String reference) {
        return reference != null && reference.regionMatches(true, 0, value, 0, value.length());
    }

    /** Whether one of the two begins with the other: then some references would belong to both. */
    public boolean overlaps(ReferencePrefix other) {
        return begins(other.value) || other.begins(value);
    }

    @Override
    public String toString() {
        return value;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
