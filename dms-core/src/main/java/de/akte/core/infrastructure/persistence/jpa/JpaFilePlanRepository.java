package de.akte.core.infrastructure.persistence.jpa;

import de.akte.core.fileplan.FilePlan;
import de.akte.core.fileplan.FilePlanNode;
import de.akte.core.fileplan.FilePlanRepository;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;

/** File plans in the relational database. */
public class JpaFilePlanRepository implements FilePlanRepository {

    private final EntityManager em;

    public JpaFilePlanRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<FilePlan> findPlanByName(String name) {
        return em.createQuery("select p from FilePlan p where p.name = :name", FilePlan.class)
                .setParameter("name", name).getResultStream().findFirst();
    }

    @Override
    public List<FilePlan> findAllPlans() {
        return em.createQuery("select p from FilePlan p order by p.name", FilePlan.class).getResultList();
    }

    @Override
    public void addPlan(FilePlan plan) {
        em.persist(plan);
    }

    @Override
    public Optional<FilePlanNode> findNode(long id) {
        return Optional.ofNullable(em.find(FilePlanNode.class, id));
    }

    @Override
    public Optional<FilePlanNode> findNodeByCode(String code) {
        return em.createQuery("select n from FilePlanNode n where n.code = :code order by n.id", FilePlanNode.class)
                .setParameter("code", code).setMaxResults(1).getResultStream().findFirst();
    }

    @Override
    public List<FilePlanNode> findNodes(FilePlan plan) {
        return em.createQuery("select n from FilePlanNode n where n.filePlan = :plan order by n.code", FilePlanNode.class)
                .setParameter("plan", plan).getResultList();
    }

    @Override
    public void addNode(FilePlanNode node) {
        em.persist(node);
    }
}
