package de.akte.core.disposition;

/** The archive's decision on one offered record (xdomea Aussonderungsart codes). */
public enum Appraisal {
    /** A: archivwürdig — the archive takes it. */
    ARCHIVE("A"),
    /** V: vernichten — not worth archiving, destroy it. */
    DESTROY("V"),
    /** B: bewerten — to be appraised later; the record stays. */
    APPRAISE("B");

    private final String code;

    Appraisal(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The appraisal for an xdomea code (A, V or B). */
    public static Appraisal ofCode(String code) {
        for (Appraisal a : values()) {
            if (a.code.equals(code)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown appraisal code '" + code + "' (expected A, V or B)");
    }
}
