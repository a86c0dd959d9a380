package de.akte.core.processing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The persistent queue of processing tasks. */
public interface ProcessingTaskRepository {
    void add(ProcessingTask task);

    Optional<ProcessingTask> find(long id);

    /** Ids of pending tasks due at the given time, oldest first. */
    List<Long> dueIds(Instant now, int limit);

    /**
     * Claims a pending task atomically: only one worker (or node) can win it.
     *
     * @return whether this caller won the claim
     */
    boolean tryClaim(long taskId, Instant now, Instant leaseUntil, String owner);

    /** Puts back every task the given server held: called when it starts, so it held them when it died. */
    int releaseOwnedBy(String owner, Instant now);

    /** Puts tasks whose lease ran out (their worker died) back to pending; returns how many. */
    int releaseExpiredLeases(Instant now);

    List<ProcessingTask> forDocument(long documentId);

    long countByState(ProcessingState state);
}
