package de.akte.core.audit;

import java.util.List;

/** Stores the audit trail. */
public interface AuditRepository {

    /** The chain head, locked for the rest of the transaction. */
    AuditChainHead lockHead();

    /** The chain head as it is, without locking it. */
    AuditChainHead head();

    void append(AuditEntry entry);

    /** Entries in sequence order after the given sequence number. */
    List<AuditEntry> after(long sequence, int limit);

    /** Newest entries about one target, newest first. */
    List<AuditEntry> forTarget(String targetType, String targetId, int limit);

    /** Entries matching the query, newest first, skipping {@code offset} of them. */
    List<AuditEntry> matching(AuditQuery query, int offset, int limit);

    /** How many entries match the query. */
    long count(AuditQuery query);
}
