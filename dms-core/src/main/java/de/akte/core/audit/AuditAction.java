package de.akte.core.audit;

/** What happened to a record, as written to the audit trail. */
public enum AuditAction {
    CREATE,
    /** Bytes, text, page images or search hits of a document were read. */
    READ_CONTENT,
    /** A document's metadata (title, case file, fields, status) was read. */
    READ_METADATA,
    /** A full-text search was run: the query and its filters, never the results. */
    SEARCH,
    NEW_VERSION,
    UPDATE_METADATA,
    /** An annotation or another record beside a document was changed. */
    UPDATE,
    DELETE,
    LOGIN_FAILED,
    ADMIN,
    /** Retention schedules, case-file closing and events that move a disposal date. */
    RETENTION,
    /** Legal holds placed or lifted. */
    LEGAL_HOLD,
    /** Disposals proposed, decided, executed, transferred. */
    DISPOSAL
}
