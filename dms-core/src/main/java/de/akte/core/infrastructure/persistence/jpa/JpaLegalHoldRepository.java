package de.akte.core.infrastructure.persistence.jpa;

import de.akte.core.hold.HoldTarget;
import de.akte.core.hold.LegalHold;
import de.akte.core.hold.LegalHoldRepository;
import jakarta.persistence.EntityManager;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Legal holds in the relational database. */
public class JpaLegalHoldRepository implements LegalHoldRepository {

    private final EntityManager em;

    public JpaLegalHoldRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(LegalHold hold) {
        em.persist(hold);
    }

    @Override
    public Optional<LegalHold> find(long id) {
        return Optional.ofNullable(em.find(LegalHold.class, id));
    }

    @Override
    public List<LegalHold> activeOn(HoldTarget type, Collection<Long> targetIds) {
        if (targetIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select h from LegalHold h where h.liftedAt is null and h.targetType = :t"
                        + " and h.targetId in :ids order by h.id", LegalHold.class)
                .setParameter("t", type).setParameter("ids", targetIds).getResultList();
    }

    @Override
    public List<LegalHold> list(boolean activeOnly, int offset, int limit) {
        return em.createQuery("select h from LegalHold h" + (activeOnly ? " where h.liftedAt is null" : "")
                        + " order by h.id desc", LegalHold.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }
}
