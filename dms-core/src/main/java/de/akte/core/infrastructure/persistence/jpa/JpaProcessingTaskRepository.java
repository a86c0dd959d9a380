package de.akte.core.infrastructure.persistence.jpa;

import de.akte.core.processing.ProcessingState;
import de.akte.core.processing.ProcessingTask;
import de.akte.core.processing.ProcessingTaskRepository;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The processing queue as a table; claims are conditional updates so two workers never share a task, and a lost
 * worker's task is changed under a row lock so two servers noticing it count the loss once.
 */
public class JpaProcessingTaskRepository implements ProcessingTaskRepository {

    private final EntityManager em;

    public JpaProcessingTaskRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(ProcessingTask task) {
        em.persist(task);
    }

    @Override
    public Optional<ProcessingTask> find(long id) {
        return Optional.ofNullable(em.find(ProcessingTask.class, id));
    }

    @Override
    public List<Long> dueIds(Instant now, int limit) {
        return em.createQuery("select t.id from ProcessingTask t where t.state = :pending and t.nextAttemptAt <= :now"
                        + " order by t.crashes, t.nextAttemptAt, t.id", Long.class)
                .setParameter("pending", ProcessingState.PENDING).setParameter("now", now)
                .setMaxResults(limit).getResultList();
    }

    @Override
    public boolean tryClaim(long taskId, Instant now, Instant leaseUntil, String owner) {
        int updated = em.createQuery("update ProcessingTask t set t.state = :running, t.attempts = t.attempts + 1,"
                        + " t.leaseUntil = :lease, t.leaseOwner = :owner, t.updatedAt = :now"
                        + " where t.id = :id and t.state = :pending")
                .setParameter("running", ProcessingState.RUNNING).setParameter("lease", leaseUntil)
                .setParameter("owner", owner)
                .setParameter("now", now).setParameter("id", taskId).setParameter("pending", ProcessingState.PENDING)
                .executeUpdate();
        return updated == 1;
    }

    @Override
    public Optional<ProcessingTask> findLocked(long id) {
        return Optional.ofNullable(em.find(ProcessingTask.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<Long> heldBy(String owner) {
        return em.createQuery("select t.id from ProcessingTask t where t.state = :running and t.leaseOwner = :owner"
                        + " order by t.id", Long.class)
                .setParameter("running", ProcessingState.RUNNING).setParameter("owner", owner).getResultList();
    }

    @Override
    public List<Long> leaseRanOut(Instant now) {
        return em.createQuery("select t.id from ProcessingTask t where t.state = :running and t.leaseUntil < :now"
                        + " order by t.id", Long.class)
                .setParameter("running", ProcessingState.RUNNING).setParameter("now", now).getResultList();
    }

    @Override
    public List<ProcessingTask> forDocument(long documentId) {
        return em.createQuery("select t from ProcessingTask t where t.documentId = :d order by t.id", ProcessingTask.class)
                .setParameter("d", documentId).getResultList();
    }

    @Override
    public long countByState(ProcessingState state) {
        return em.createQuery("select count(t) from ProcessingTask t where t.state = :s", Long.class)
                .setParameter("s", state).getSingleResult();
    }

    @Override
    public long countCrashedSince(Instant since) {
        return em.createQuery("select count(t) from ProcessingTask t where t.crashes > 0 and t.updatedAt >= :since"
                        + " and t.state in :states", Long.class)
                .setParameter("since", since)
                .setParameter("states", java.util.List.of(ProcessingState.PENDING, ProcessingState.SET_ASIDE))
                .getSingleResult();
    }
}
