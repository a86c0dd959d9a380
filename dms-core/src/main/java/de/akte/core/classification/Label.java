package de.akte.core.classification;

/** What the classifier predicts for a document. */
public enum Label {
    DOCUMENT_TYPE("documentType"),
    DEPARTMENT("department"),
    CASE_FILE("caseFile");

    private final String key;

    Label(String key) {
        this.key = key;
    }

    /** The name in the API and in the classifier's training data, e.g. {@code documentType}. */
    public String key() {
        return key;
    }

    /** The label with the given API name; IllegalArgumentException for others. */
    public static Label ofKey(String key) {
        for (Label label : values()) {
            if (label.key.equals(key)) {
                return label;
            }
        }
        throw new IllegalArgumentException("no label " + key + "; use documentType, department or caseFile");
    }
}
