package de.akte.core.infrastructure.persistence.jpa;

import de.akte.core.classification.ClassificationRule;
import de.akte.core.classification.ClassificationRuleRepository;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;

/** Classification rules in the database. */
public class JpaClassificationRuleRepository implements ClassificationRuleRepository {

    private final EntityManager em;

    public JpaClassificationRuleRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<ClassificationRule> all() {
        return em.createQuery("select r from ClassificationRule r order by r.priority desc, r.id", ClassificationRule.class)
                .getResultList();
    }

    @Override
    public Optional<ClassificationRule> find(long id) {
        return Optional.ofNullable(em.find(ClassificationRule.class, id));
    }

    @Override
    public void add(ClassificationRule rule) {
        em.persist(rule);
    }

    @Override
    public void remove(ClassificationRule rule) {
        em.remove(rule);
    }
}
