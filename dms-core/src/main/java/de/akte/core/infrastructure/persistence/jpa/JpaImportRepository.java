package de.akte.core.infrastructure.persistence.jpa;

import de.akte.core.document.DocumentStatus;
import de.akte.core.imports.ImportBatch;
import de.akte.core.imports.ImportItem;
import de.akte.core.imports.ImportKind;
import de.akte.core.imports.ImportOwner;
import de.akte.core.imports.ImportRepository;
import de.akte.core.imports.ImportState;
import de.akte.core.imports.ItemState;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.List;
import java.util.Optional;

/** Import batches and items in the database. */
public class JpaImportRepository implements ImportRepository {

    private final EntityManager em;

    public JpaImportRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(ImportBatch batch) {
        em.persist(batch);
    }

    @Override
    public void add(ImportItem item) {
        em.persist(item);
    }

    @Override
    public void remove(ImportItem item) {
        em.remove(item);
        // the unique (batch, path) row must be gone before the replacement is inserted in the same transaction
        em.flush();
    }

    @Override
    public Optional<ImportBatch> find(long id) {
        return Optional.ofNullable(em.find(ImportBatch.class, id));
    }

    @Override
    public Optional<ImportBatch> findByKey(ImportOwner owner, String key) {
        return em.createQuery("select b from ImportBatch b where b.owner = :o and b.key = :k", ImportBatch.class)
                .setParameter("o", owner.name()).setParameter("k", key).getResultStream().findFirst();
    }

    @Override
    public Optional<ImportItem> item(long batchId, String path) {
        return em.createQuery("select i from ImportItem i where i.batchId = :b and i.path = :p", ImportItem.class)
                .setParameter("b", batchId).setParameter("p", path).getResultStream().findFirst();
    }

    @Override
    public Optional<ImportItem> importedWithContent(long batchId, String sha256) {
        return em.createQuery("select i from ImportItem i where i.batchId = :b and i.sha256 = :s and i.state = :st"
                        + " order by i.id", ImportItem.class)
                .setParameter("b", batchId).setParameter("s", sha256).setParameter("st", ItemState.IMPORTED)
                .setMaxResults(1).getResultStream().findFirst();
    }

    @Override
    public List<ImportItem> items(long batchId, ItemState state, int offset, int limit) {
        TypedQuery<ImportItem> query = em.createQuery("select i from ImportItem i where i.batchId = :b"
                + (state == null ? "" : " and i.state = :st") + " order by i.id", ImportItem.class)
                .setParameter("b", batchId);
        if (state != null) {
            query.setParameter("st", state);
        }
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long countItems(long batchId, ItemState state) {
        TypedQuery<Long> query = em.createQuery("select count(i) from ImportItem i where i.batchId = :b"
                + (state == null ? "" : " and i.state = :st"), Long.class).setParameter("b", batchId);
        if (state != null) {
            query.setParameter("st", state);
        }
        return query.getSingleResult();
    }

    @Override
    public DocumentTally tallyDocuments(long batchId) {
        Object[] ready = em.createQuery("select count(d), coalesce(sum(v.pageCount), 0) from ImportItem i, Document d"
                        + " join d.versions v where i.batchId = :b and i.state = :imported and d.id = i.documentId"
                        + " and v.number = d.currentVersion and d.status = :ready", Object[].class)
                .setParameter("b", batchId).setParameter("imported", ItemState.IMPORTED)
                .setParameter("ready", DocumentStatus.READY).getSingleResult();
        Long failed = em.createQuery("select count(d) from ImportItem i, Document d where i.batchId = :b"
                        + " and i.state = :imported and d.id = i.documentId and d.status in :failed", Long.class)
                .setParameter("b", batchId).setParameter("imported", ItemState.IMPORTED)
                .setParameter("failed", List.of(DocumentStatus.FAILED, DocumentStatus.QUARANTINED)).getSingleResult();
        java.time.Instant last = em.createQuery("select max(t.updatedAt) from ImportItem i, ProcessingTask t"
                        + " where i.batchId = :b and t.documentId = i.documentId", java.time.Instant.class)
                .setParameter("b", batchId).getSingleResult();
        return new DocumentTally(((Number) ready[0]).longValue(), failed, ((Number) ready[1]).longValue(),
                last == null ? 0 : last.toEpochMilli());
    }

    @Override
    public List<ImportBatch> openServerBatches() {
        return em.createQuery("select b from ImportBatch b where b.kind = :k and b.state = :open order by b.id",
                        ImportBatch.class)
                .setParameter("k", ImportKind.SERVER).setParameter("open", ImportState.OPEN).getResultList();
    }

    @Override
    public List<ImportBatch> newest(ImportOwner owner, int limit) {
        TypedQuery<ImportBatch> query = owner == null
                ? em.createQuery("select b from ImportBatch b order by b.id desc", ImportBatch.class)
                : em.createQuery("select b from ImportBatch b where b.owner = :o order by b.id desc",
                        ImportBatch.class).setParameter("o", owner.name());
        return query.setMaxResults(limit).getResultList();
    }
}
