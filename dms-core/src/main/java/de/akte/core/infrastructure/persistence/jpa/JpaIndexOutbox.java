package de.akte.core.infrastructure.persistence.jpa;

import de.akte.core.indexing.IndexOutbox;
import de.akte.core.indexing.IndexRequest;
import de.akte.core.shared.Clock;
import jakarta.persistence.EntityManager;

import java.util.List;

/** The index outbox as a table written in the business transaction. */
public class JpaIndexOutbox implements IndexOutbox {

    private final EntityManager em;
    private final Clock clock;

    public JpaIndexOutbox(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Override
    public void enqueue(long documentId) {
        em.persist(new IndexRequest(documentId, clock.now()));
    }

    @Override
    public List<IndexRequest> oldest(int limit) {
        return em.createQuery("select r from IndexRequest r order by r.id", IndexRequest.class)
                .setMaxResults(limit).getResultList();
    }

    @Override
    public void remove(List<Long> requestIds) {
        if (!requestIds.isEmpty()) {
            em.createQuery("delete from IndexRequest r where r.id in :ids").setParameter("ids", requestIds)
                    .executeUpdate();
        }
    }

    @Override
    public long size() {
        return em.createQuery("select count(r) from IndexRequest r", Long.class).getSingleResult();
    }
}
