package de.akte.core.processing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The persistent queue of processing tasks. */
public interface ProcessingTaskRepository {
    void add(ProcessingTask task);

    Optional<ProcessingTask> find(long id);

    /**
     * Ids of pending tasks due at the given time: those that never took a worker down first, then by fewest crashes;
     * oldest first within each.
     */
    List<Long> dueIds(Instant now, int limit);

    /**
     * Claims a pending task atomically: only one worker (or node) can win it.
     *
     * @return whether this caller won the claim
     */
    boolean tryClaim(long taskId, Instant now, Instant leaseUntil, String owner);

    /** The task, locked against concurrent changes until the transaction ends. */
    Optional<ProcessingTask> findLocked(long id);

    /** Ids of the running tasks the given server holds: when it starts, it held them when it died. */
    List<Long> heldBy(String owner);

    /** Ids of running tasks whose lease ran out before {@code now}: their worker died. */
    List<Long> leaseRanOut(Instant now);

    List<ProcessingTask> forDocument(long documentId);

    long countByState(ProcessingState state);

    /** Tasks whose worker crashed on them since the given time and that now wait or are set aside. */
    long countCrashedSince(Instant since);
}
