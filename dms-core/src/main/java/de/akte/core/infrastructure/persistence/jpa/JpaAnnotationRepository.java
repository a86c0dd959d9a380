package de.akte.core.infrastructure.persistence.jpa;

import de.akte.core.annotation.Annotation;
import de.akte.core.annotation.AnnotationRepository;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;

/** Annotations in the relational database. */
public class JpaAnnotationRepository implements AnnotationRepository {

    private final EntityManager em;

    public JpaAnnotationRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(Annotation annotation) {
        em.persist(annotation);
    }

    @Override
    public Optional<Annotation> find(long id) {
        return Optional.ofNullable(em.find(Annotation.class, id));
    }

    @Override
    public List<Annotation> ofDocument(long documentId) {
        return em.createQuery("select a from Annotation a where a.documentId = :d order by a.page, a.createdAt, a.id",
                Annotation.class).setParameter("d", documentId).getResultList();
    }

    @Override
    public void remove(Annotation annotation) {
        em.remove(annotation);
    }
}
