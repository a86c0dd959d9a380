package de.akte.core.infrastructure.persistence.jpa;

import de.akte.core.casefile.CaseFile;
import de.akte.core.document.Document;
import de.akte.core.document.DocumentPage;
import de.akte.core.document.DocumentRepository;
import de.akte.core.document.DocumentVersion;
import de.akte.core.document.FilingState;
import jakarta.persistence.EntityManager;

import de.akte.core.recognition.RecognizedContent;

import java.util.List;
import java.util.Optional;

/** Documents, versions and page texts in the relational database. */
public class JpaDocumentRepository implements DocumentRepository {

    private final EntityManager em;

    public JpaDocumentRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Document> find(long id) {
        return Optional.ofNullable(em.find(Document.class, id));
    }

    @Override
    public void add(Document document) {
        em.persist(document);
    }

    @Override
    public void add(DocumentVersion version) {
        // explicit: an addition to a lazy inverse collection is not reliably cascaded at flush
        em.persist(version);
    }

    @Override
    public List<Document> findInCaseFile(CaseFile caseFile) {
        return em.createQuery("select d from Document d where d.caseFile = :cf order by d.createdAt, d.id", Document.class)
                .setParameter("cf", caseFile).getResultList();
    }

    @Override
    public List<Long> idsAfter(long afterId, int limit) {
        return em.createQuery("select d.id from Document d where d.id > :after order by d.id", Long.class)
                .setParameter("after", afterId).setMaxResults(limit).getResultList();
    }

    @Override
    public long count() {
        return em.createQuery("select count(d) from Document d", Long.class).getSingleResult();
    }

    @Override
    public List<DocumentPage> pagesOf(long documentVersionId) {
        return em.createQuery("select p from DocumentPage p where p.documentVersionId = :v order by p.pageNumber",
                DocumentPage.class).setParameter("v", documentVersionId).getResultList();
    }

    @Override
    public void replacePages(long documentVersionId, List<RecognizedContent> pages) {
        em.createQuery("delete from DocumentPage p where p.documentVersionId = :v")
                .setParameter("v", documentVersionId).executeUpdate();
        for (int i = 0; i < pages.size(); i++) {
            em.persist(new DocumentPage(documentVersionId, i + 1, pages.get(i)));
        }
    }

    @Override
    public List<Document> inbox(String departmentCode, int offset, int limit) {
        return em.createQuery("select d from Document d where d.filingState = :review and d.department.code = :dept"
                        + " order by d.createdAt, d.id", Document.class)
                .setParameter("review", FilingState.REVIEW).setParameter("dept", departmentCode)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long countInbox(String departmentCode) {
        return em.createQuery("select count(d) from Document d where d.filingState = :review"
                        + " and d.department.code = :dept", Long.class)
                .setParameter("review", FilingState.REVIEW).setParameter("dept", departmentCode).getSingleResult();
    }

    @Override
    public List<Long> filedIdsAfter(long afterId, int limit) {
        return em.createQuery("select d.id from Document d where d.filingState = :filed and d.id > :after order by d.id",
                        Long.class)
                .setParameter("filed", FilingState.FILED).setParameter("after", afterId).setMaxResults(limit)
                .getResultList();
    }

    @Override
    public boolean isBlobReferenced(String sha256) {
        return em.createQuery("select count(v) from DocumentVersion v where v.sha256 = :h or v.renditionSha256 = :h",
                Long.class).setParameter("h", sha256).getSingleResult() > 0;
    }

    @Override
    public void remove(Document document) {
        long id = document.id();
        em.createQuery("update ImportItem i set i.documentId = null where i.documentId = :d")
                .setParameter("d", id).executeUpdate();
        em.createQuery("update Document d set d.batchDocumentId = null where d.batchDocumentId = :d")
                .setParameter("d", id).executeUpdate();
        em.createQuery("delete from ProcessingTask t where t.documentId = :d").setParameter("d", id).executeUpdate();
        List<DocumentVersion> versions = document.versions();
        if (!versions.isEmpty()) {
            em.createQuery("delete from DocumentPage p where p.documentVersionId in :v")
                    .setParameter("v", versions.stream().map(DocumentVersion::id).toList()).executeUpdate();
        }
        // every bulk statement comes first: a query flushes, and a flush between removing a version and removing
        // its document would persist the version again through the document's versions (cascade PERSIST)
        for (DocumentVersion version : versions) {
            // removing the entity takes its element collections (metadata, fields) with it
            em.remove(version);
        }
        em.remove(document);
        em.flush();
    }
}
