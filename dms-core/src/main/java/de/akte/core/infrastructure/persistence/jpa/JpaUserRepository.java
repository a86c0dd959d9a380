package de.akte.core.infrastructure.persistence.jpa;

import de.akte.core.security.UserAccount;
import de.akte.core.security.UserRepository;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;

/** User accounts in the relational database. */
public class JpaUserRepository implements UserRepository {

    private final EntityManager em;

    public JpaUserRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<UserAccount> findByUsername(String username) {
        return em.createQuery("select u from UserAccount u where u.username = :username", UserAccount.class)
                .setParameter("username", username).getResultStream().findFirst();
    }

    @Override
    public List<UserAccount> findAll() {
        return em.createQuery("select u from UserAccount u order by u.username", UserAccount.class).getResultList();
    }

    @Override
    public long count() {
        return em.createQuery("select count(u) from UserAccount u", Long.class).getSingleResult();
    }

    @Override
    public void add(UserAccount user) {
        em.persist(user);
    }
}
