package de.akte.core.audit;

import java.time.Instant;

/**
 * Which audit entries to list, e.g. for a data-protection information request (GDPR Art. 15): every field is
 * optional (null: any).
 *
 * @param actor      who acted (a username, or a system actor such as {@code system:server-import})
 * @param from       entries at or after this instant
 * @param until      entries before this instant
 * @param targetType what kind of thing was touched ({@code document}, {@code search}, …)
 * @param targetId   which one
 */
public record AuditQuery(String actor, Instant from, Instant until, String targetType, String targetId) {

    public AuditQuery {
        if (from != null && until != null && from.isAfter(until)) {
            throw new IllegalArgumentException("from must not be after until");
        }
    }
}
