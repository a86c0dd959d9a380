package de.akte.core.infrastructure.persistence.jpa;

import de.akte.core.routing.RoutingRequest;
import de.akte.core.routing.RoutingRequestRepository;
import jakarta.persistence.EntityManager;

import java.util.List;

/** Routing requests in the relational database. */
public class JpaRoutingRequestRepository implements RoutingRequestRepository {

    private final EntityManager em;

    public JpaRoutingRequestRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(RoutingRequest request) {
        em.persist(request);
    }

    @Override
    public List<RoutingRequest> openFor(long documentId) {
        return em.createQuery("select r from RoutingRequest r where r.resolvedAt is null and r.documentId = :d"
                + " order by r.id", RoutingRequest.class).setParameter("d", documentId).getResultList();
    }

    @Override
    public List<RoutingRequest> open(int offset, int limit) {
        return em.createQuery("select r from RoutingRequest r where r.resolvedAt is null order by r.id",
                RoutingRequest.class).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long countOpen() {
        return em.createQuery("select count(r) from RoutingRequest r where r.resolvedAt is null", Long.class)
                .getSingleResult();
    }
}
