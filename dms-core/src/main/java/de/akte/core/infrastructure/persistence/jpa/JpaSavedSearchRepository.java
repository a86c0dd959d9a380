package de.akte.core.infrastructure.persistence.jpa;

import de.akte.core.search.SavedSearch;
import de.akte.core.search.SavedSearchRepository;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;

/** Saved searches in the relational database. */
public class JpaSavedSearchRepository implements SavedSearchRepository {

    private final EntityManager em;

    public JpaSavedSearchRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(SavedSearch search) {
        em.persist(search);
    }

    @Override
    public Optional<SavedSearch> find(long id) {
        return Optional.ofNullable(em.find(SavedSearch.class, id));
    }

    @Override
    public List<SavedSearch> ofUser(String username) {
        return em.createQuery("select s from SavedSearch s where s.username = :u order by s.name, s.id",
                SavedSearch.class).setParameter("u", username).getResultList();
    }

    @Override
    public Optional<SavedSearch> findByName(String username, String name) {
        return em.createQuery("select s from SavedSearch s where s.username = :u and s.name = :n", SavedSearch.class)
                .setParameter("u", username).setParameter("n", name).getResultStream().findFirst();
    }

    @Override
    public void remove(SavedSearch search) {
        em.remove(search);
    }
}
