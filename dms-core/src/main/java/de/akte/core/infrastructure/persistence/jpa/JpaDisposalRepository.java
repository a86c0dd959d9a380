package de.akte.core.infrastructure.persistence.jpa;

import de.akte.core.disposition.DestructionCertificate;
import de.akte.core.disposition.Disposal;
import de.akte.core.disposition.DisposalRepository;
import de.akte.core.disposition.DisposalState;
import de.akte.core.disposition.PendingBlobDeletion;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Disposals, destruction certificates and pending blob deletions in the relational database. */
public class JpaDisposalRepository implements DisposalRepository {

    private static final List<DisposalState> CLOSED = List.of(DisposalState.REJECTED, DisposalState.EXECUTED,
            DisposalState.CONFIRMED);

    private final EntityManager em;

    public JpaDisposalRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(Disposal disposal) {
        em.persist(disposal);
    }

    @Override
    public Optional<Disposal> find(long id) {
        return Optional.ofNullable(em.find(Disposal.class, id));
    }

    @Override
    public List<Disposal> list(int offset, int limit) {
        return em.createQuery("select d from Disposal d order by d.id desc", Disposal.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public List<Long> caseFilesInOpenDisposals() {
        // what the archive appraised B (or V, destroyed at once) is no longer on its way out
        return em.createQuery("select i.caseFileId from Disposal d join d.items i where d.state not in :closed"
                        + " and (i.appraisal is null or i.appraisal = :archive)", Long.class)
                .setParameter("closed", CLOSED).setParameter("archive", de.akte.core.disposition.Appraisal.ARCHIVE)
                .getResultList();
    }

    @Override
    public List<Disposal> runningWith(long caseFileId) {
        return em.createQuery("select distinct d from Disposal d join d.items i where i.caseFileId = :id"
                        + " and d.state not in :closed order by d.id", Disposal.class)
                .setParameter("id", caseFileId).setParameter("closed", CLOSED).getResultList();
    }

    @Override
    public void add(DestructionCertificate certificate) {
        em.persist(certificate);
    }

    @Override
    public Optional<DestructionCertificate> findCertificate(long id) {
        return Optional.ofNullable(em.find(DestructionCertificate.class, id));
    }

    @Override
    public List<DestructionCertificate> certificates(String fileReferencePrefix, int offset, int limit) {
        String prefix = fileReferencePrefix == null ? "" : fileReferencePrefix.strip().toLowerCase(Locale.ROOT);
        return em.createQuery("select c from DestructionCertificate c where lower(c.fileReference) like :p escape '!'"
                        + " order by c.id desc", DestructionCertificate.class)
                .setParameter("p", prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%")
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public void add(PendingBlobDeletion pending) {
        em.persist(pending);
    }

    @Override
    public Optional<PendingBlobDeletion> findPending(String sha256) {
        return Optional.ofNullable(em.find(PendingBlobDeletion.class, sha256));
    }

    @Override
    public List<PendingBlobDeletion> pendingBlobDeletions(int limit) {
        return em.createQuery("select p from PendingBlobDeletion p order by p.requestedAt, p.sha256",
                PendingBlobDeletion.class).setMaxResults(limit).getResultList();
    }

    @Override
    public void remove(PendingBlobDeletion pending) {
        em.remove(em.contains(pending) ? pending : em.merge(pending));
    }
}
