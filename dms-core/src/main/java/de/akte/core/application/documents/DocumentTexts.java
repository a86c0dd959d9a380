package de.akte.core.application.documents;

import de.akte.core.shared.InvalidInputException;

/** The checks of a document's free-text fields (title, type). */
final class DocumentTexts {

    private DocumentTexts() {
    }

    /** The stripped value, null when blank; longer than allowed is a wrong input. */
    static String optional(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > maxLength) {
            throw new InvalidInputException(field, field + " is longer than " + maxLength + " characters");
        }
        return v;
    }

    /** The stripped document type, blank allowed (it clears the type). */
    static String documentType(String value) {
        String v = value.strip();
        if (v.length() > 100) {
            throw new InvalidInputException("documentType", "documentType is longer than 100 characters");
        }
        return v;
    }
}
