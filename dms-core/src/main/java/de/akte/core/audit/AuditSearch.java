package de.akte.core.audit;

/**
 * What an administrator asks of the audit trail: one page ({@code page} counted from 0) of {@code size} entries the
 * query matches. A query that names neither an actor nor a period asks for the newest entries about its target.
 */
public record AuditSearch(AuditQuery query, int page, int size) {

    /** Whether only a target is named: its history, not a search. */
    public boolean ofTargetOnly() {
        return query.actor() == null && query.from() == null && query.until() == null;
    }
}
