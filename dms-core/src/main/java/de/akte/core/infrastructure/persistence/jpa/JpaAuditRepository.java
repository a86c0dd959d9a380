package de.akte.core.infrastructure.persistence.jpa;

import de.akte.core.audit.AuditChainHead;
import de.akte.core.audit.AuditEntry;
import de.akte.core.audit.AuditQuery;
import de.akte.core.audit.AuditRepository;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The audit trail in the relational database. */
public class JpaAuditRepository implements AuditRepository {

    private final EntityManager em;

    public JpaAuditRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public AuditChainHead lockHead() {
        AuditChainHead head = em.find(AuditChainHead.class, 1L, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            throw new IllegalStateException("audit_chain_head row is missing: the schema migration did not run");
        }
        // a head already in this persistence context is locked but not re-read: read what the last holder committed
        em.refresh(head);
        return head;
    }

    @Override
    public AuditChainHead head() {
        return em.find(AuditChainHead.class, 1L);
    }

    @Override
    public void append(AuditEntry entry) {
        em.persist(entry);
    }

    @Override
    public List<AuditEntry> after(long sequence, int limit) {
        return em.createQuery("select e from AuditEntry e where e.sequence > :s order by e.sequence", AuditEntry.class)
                .setParameter("s", sequence).setMaxResults(limit).getResultList();
    }

    @Override
    public List<AuditEntry> forTarget(String targetType, String targetId, int limit) {
        return em.createQuery("select e from AuditEntry e where e.targetType = :t and e.targetId = :id"
                        + " order by e.sequence desc", AuditEntry.class)
                .setParameter("t", targetType).setParameter("id", targetId).setMaxResults(limit).getResultList();
    }

    @Override
    public List<AuditEntry> matching(AuditQuery query, int offset, int limit) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<AuditEntry> select = cb.createQuery(AuditEntry.class);
        Root<AuditEntry> e = select.from(AuditEntry.class);
        select.select(e).where(conditions(cb, e, query)).orderBy(cb.desc(e.get("sequence")));
        return em.createQuery(select).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long count(AuditQuery query) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> select = cb.createQuery(Long.class);
        Root<AuditEntry> e = select.from(AuditEntry.class);
        select.select(cb.count(e)).where(conditions(cb, e, query));
        return em.createQuery(select).getSingleResult();
    }

    private static Predicate[] conditions(CriteriaBuilder cb, Root<AuditEntry> e, AuditQuery query) {
        List<Predicate> where = new ArrayList<>();
        if (query.actor() != null) {
            where.add(cb.equal(e.get("actor"), query.actor()));
        }
        if (query.from() != null) {
            where.add(cb.greaterThanOrEqualTo(e.<Instant>get("occurredAt"), query.from()));
        }
        if (query.until() != null) {
            where.add(cb.lessThan(e.<Instant>get("occurredAt"), query.until()));
        }
        if (query.targetType() != null) {
            where.add(cb.equal(e.get("targetType"), query.targetType()));
        }
        if (query.targetId() != null) {
            where.add(cb.equal(e.get("targetId"), query.targetId()));
        }
        return where.toArray(Predicate[]::new);
    }
}
