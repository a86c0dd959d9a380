package de.akte.core.infrastructure.persistence.jpa;

import de.akte.core.department.Department;
import de.akte.core.department.DepartmentRepository;
import de.akte.core.department.ReferencePrefix;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Departments in the relational database. */
public class JpaDepartmentRepository implements DepartmentRepository {

    private final EntityManager em;

    public JpaDepartmentRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Department> findByCode(String code) {
        return em.createQuery("select d from Department d where d.code = :code", Department.class)
                .setParameter("code", code).getResultStream().findFirst();
    }

    @Override
    public List<Department> findAll() {
        return em.createQuery("select distinct d from Department d left join fetch d.referencePrefixes order by d.code",
                Department.class).getResultList();
    }

    @Override
    public List<String> codesNumberingUnder(ReferencePrefix prefix) {
        String like = prefix.value().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_")
                + "%";
        return em.createQuery("select distinct d.code from CaseFile c join c.department d"
                        + " where lower(c.fileReference) like :prefix escape '!' order by d.code", String.class)
                .setParameter("prefix", like).getResultList();
    }

    @Override
    public void add(Department department) {
        em.persist(department);
    }
}
