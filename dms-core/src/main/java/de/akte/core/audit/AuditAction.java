package de.akte.core.audit;

/** What happened to a record, as written to the audit trail. */
public enum AuditAction {
    CREATE,
    READ_CONTENT,
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
