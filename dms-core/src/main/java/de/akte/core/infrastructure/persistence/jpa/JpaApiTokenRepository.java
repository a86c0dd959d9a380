package de.akte.core.infrastructure.persistence.jpa;

import de.akte.core.security.ApiToken;
import de.akte.core.security.ApiTokenRepository;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.Optional;

/** Bearer tokens in the relational database. */
public class JpaApiTokenRepository implements ApiTokenRepository {

    private final EntityManager em;

    public JpaApiTokenRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(ApiToken token) {
        em.persist(token);
    }

    @Override
    public Optional<ApiToken> findByHash(String tokenHash) {
        return em.createQuery("select t from ApiToken t where t.tokenHash = :h", ApiToken.class)
                .setParameter("h", tokenHash).getResultStream().findFirst();
    }

    @Override
    public int deleteExpired(Instant now) {
        return em.createQuery("delete from ApiToken t where t.expiresAt < :now").setParameter("now", now).executeUpdate();
    }
}
