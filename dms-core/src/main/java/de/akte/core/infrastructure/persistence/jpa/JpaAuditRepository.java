package de.akte.core.infrastructure.persistence.jpa;

import de.akte.core.audit.AuditChainHead;
import de.akte.core.audit.AuditEntry;
import de.akte.core.audit.AuditRepository;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

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
}
