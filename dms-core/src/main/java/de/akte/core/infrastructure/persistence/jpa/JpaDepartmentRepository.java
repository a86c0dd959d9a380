package de.akte.core.infrastructure.persistence.jpa;

import de.akte.core.department.Department;
import de.akte.core.department.DepartmentRepository;
import jakarta.persistence.EntityManager;

import java.util.List;
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
        return em.createQuery("select d from Department d order by d.code", Department.class).getResultList();
    }

    @Override
    public void add(Department department) {
        em.persist(department);
    }
}
