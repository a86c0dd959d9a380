package de.akte.core.audit;

import de.akte.core.shared.Clock;

import java.util.List;
import java.util.Optional;

/** Appends to and verifies the hash-chained audit trail. Runs inside the caller's transaction. */
public class AuditTrail {

    private static final int VERIFY_BATCH = 1000;

    private final AuditRepository repository;
    private final Clock clock;

    public AuditTrail(AuditRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Appends an entry in the current transaction; if the transaction rolls back, so does the entry. */
    public AuditEntry record(String actor, AuditAction action, String targetType, String targetId, String details) {
        AuditChainHead head = repository.lockHead();
        // entries the head does not know yet (a head update lost in a race) are followed, never overwritten
        for (List<AuditEntry> newer = repository.after(head.lastSequence(), 100); !newer.isEmpty();
             newer = repository.after(head.lastSequence(), 100)) {
            newer.forEach(head::advance);
        }
        AuditEntry entry = new AuditEntry(head.lastSequence() + 1, clock.now(), actor, action, targetType, targetId,
                details, head.lastHash());
        repository.append(entry);
        head.advance(entry);
        return entry;
    }

    /** Walks the whole chain and names the first entry that was changed, removed or inserted. */
    public ChainVerification verify() {
        long checked = 0;
        long expectedSequence = 1;
        String previousHash = AuditEntry.GENESIS;
        long after = 0;
        while (true) {
            List<AuditEntry> batch = repository.after(after, VERIFY_BATCH);
            if (batch.isEmpty()) {
                // the head remembers the newest entry, so cutting off the end of the trail shows too
                AuditChainHead head = repository.head();
                if (head.lastSequence() != after || !head.lastHash().equals(previousHash)) {
                    return broken(checked, after + 1, "the newest entries are missing: the trail ends at " + after
                            + " but entry " + head.lastSequence() + " was written");
                }
                return new ChainVerification(checked, Optional.empty(), Optional.empty());
            }
            for (AuditEntry entry : batch) {
                checked++;
                if (entry.sequence() != expectedSequence) {
                    return broken(checked, expectedSequence, "entry " + expectedSequence + " is missing");
                }
                if (!entry.previousHash().equals(previousHash)) {
                    return broken(checked, entry.sequence(), "does not link to the entry before it");
                }
                if (!entry.computeHash().equals(entry.hash())) {
                    return broken(checked, entry.sequence(), "its content does not match its hash");
                }
                previousHash = entry.hash();
                expectedSequence++;
                after = entry.sequence();
            }
        }
    }

    private static ChainVerification broken(long checked, long sequence, String problem) {
        return new ChainVerification(checked, Optional.of(sequence), Optional.of(problem));
    }

    public List<AuditEntry> historyOf(String targetType, String targetId, int limit) {
        return repository.forTarget(targetType, targetId, limit);
    }

    /** Entries matching the query (e.g. everything one user did in a period), newest first, one page of them. */
    public List<AuditEntry> find(AuditQuery query, int offset, int limit) {
        return repository.matching(query, offset, limit);
    }

    /** How many entries match the query. */
    public long count(AuditQuery query) {
        return repository.count(query);
    }
}
