package de.akte.core.infrastructure.persistence.jpa;

import de.akte.core.casefile.CaseFile;
import de.akte.core.casefile.CaseFileRepository;
import de.akte.core.casefile.FileReference;
import de.akte.core.casefile.Process;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Case files and processes in the relational database. */
public class JpaCaseFileRepository implements CaseFileRepository {

    private final EntityManager em;

    public JpaCaseFileRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<CaseFile> find(long id) {
        return Optional.ofNullable(em.find(CaseFile.class, id));
    }

    @Override
    public Optional<CaseFile> findByReference(FileReference reference) {
        return em.createQuery("select c from CaseFile c where c.fileReference = :ref", CaseFile.class)
                .setParameter("ref", reference.value()).getResultStream().findFirst();
    }

    @Override
    public List<CaseFile> findByReferencePrefix(String prefix, Collection<String> departments, int offset, int limit) {
        TypedQuery<CaseFile> query = em.createQuery("select c from CaseFile c join c.department d"
                + " where lower(c.fileReference) like :prefix escape '!'"
                + (departments == null ? "" : " and d.code in :departments")
                + " order by c.fileReference", CaseFile.class);
        bind(query, prefix, departments);
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long countByReferencePrefix(String prefix, Collection<String> departments) {
        TypedQuery<Long> query = em.createQuery("select count(c) from CaseFile c join c.department d"
                + " where lower(c.fileReference) like :prefix escape '!'"
                + (departments == null ? "" : " and d.code in :departments"), Long.class);
        bind(query, prefix, departments);
        return query.getSingleResult();
    }

    private static void bind(TypedQuery<?> query, String prefix, Collection<String> departments) {
        String escaped = (prefix == null ? "" : prefix.strip().toLowerCase(Locale.ROOT))
                .replace("!", "!!").replace("%", "!%").replace("_", "!_");
        query.setParameter("prefix", escaped + "%");
        if (departments != null) {
            // an empty IN list is invalid SQL on some databases; a code that cannot exist matches nothing
            query.setParameter("departments", departments.isEmpty() ? List.of("\u0000") : departments);
        }
    }

    @Override
    public void add(CaseFile caseFile) {
        em.persist(caseFile);
    }

    @Override
    public Optional<Process> findProcess(long id) {
        return Optional.ofNullable(em.find(Process.class, id));
    }

    @Override
    public List<Process> processesOf(CaseFile caseFile) {
        return em.createQuery("select p from Process p where p.caseFile = :cf order by p.id", Process.class)
                .setParameter("cf", caseFile).getResultList();
    }

    @Override
    public void addProcess(Process process) {
        em.persist(process);
    }

    @Override
    public List<CaseFile> closedAfter(long afterId, int limit) {
        return em.createQuery("select c from CaseFile c where c.status = :closed and c.id > :after order by c.id",
                        CaseFile.class)
                .setParameter("closed", de.akte.core.casefile.CaseFileStatus.CLOSED).setParameter("after", afterId)
                .setMaxResults(limit).getResultList();
    }

    @Override
    public void remove(CaseFile caseFile) {
        em.createQuery("delete from Process p where p.caseFile = :c").setParameter("c", caseFile).executeUpdate();
        em.remove(caseFile);
        em.flush();
    }
}
