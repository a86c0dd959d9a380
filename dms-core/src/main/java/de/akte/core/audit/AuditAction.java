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
    /** A password sign-in that succeeded (programs with Basic are remembered for minutes, not audited per call). */
    LOGIN,
    /** An account or a client address locked after too many failed sign-ins. */
    LOGIN_LOCKED,
    /** A bearer token issued. */
    TOKEN_ISSUED,
    /** A bearer token revoked by its owner or an administrator, or all of a user's on a change of credentials. */
    TOKEN_REVOKED,
    ADMIN,
    /** Retention schedules, case-file closing and events that move a disposal date. */
    RETENTION,
    /** Legal holds placed or lifted. */
    LEGAL_HOLD,
    /** Disposals proposed, decided, executed, transferred. */
    DISPOSAL
}
