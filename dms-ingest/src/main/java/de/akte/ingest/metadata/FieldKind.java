package de.akte.ingest.metadata;

/** Kind of a metadata field found in a document's text. */
public enum FieldKind {
    DOCUMENT_DATE,
    FILE_REFERENCE,
    SENDER,
    IBAN,
    /** A euro amount; the value is a plain decimal, the currency is always EUR. */
    AMOUNT
}
