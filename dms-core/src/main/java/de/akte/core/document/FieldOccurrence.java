package de.akte.core.document;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.Objects;

/** A field found in a version's text (date, file reference, IBAN, amount, sender) and where it stands. */
@Embeddable
public class FieldOccurrence {

    @Column(name = "kind", nullable = false, length = 32)
    private String kind;

    @Column(name = "field_value", nullable = false, length = 500)
    private String value;

    @Column(name = "raw_text", nullable = false, length = 500)
    private String raw;

    @Column(name = "page_number", nullable = false)
    private int page;

    @Column(name = "start_offset", nullable = false)
    private int start;

    @Column(name = "end_offset", nullable = false)
    private int end;

    protected FieldOccurrence() {
    }

    public FieldOccurrence(String kind, String value, String raw, int page, int start, int end) {
        this.kind = Objects.requireNonNull(kind);
        this.value = cut(Objects.requireNonNull(value));
        this.raw = cut(Objects.requireNonNull(raw));
        this.page = page;
        this.start = start;
        this.end = end;
    }

    private static String cut(String s) {
        return s.length() > 500 ? s.substring(0, 500) : s;
    }

    public String kind() {
        return kind;
    }

    public String value() {
        return value;
    }

    public String raw() {
        return raw;
    }

    public int page() {
        return page;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }
}
