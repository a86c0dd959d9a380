package de.akte.core.infrastructure.persistence.jpa;

import de.akte.core.security.ApiToken;
import de.akte.core.security.ApiTokenRepository;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
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
    public Optional<ApiToken> find(long id) {
        return Optional.ofNullable(em.find(ApiToken.class, id));
    }

    @Override
    public List<ApiToken> unexpired(String username, Instant now, int offset, int limit) {
        String valid = "t.expiresAt > :now and t.absoluteExpiresAt > :now";
        var query = username == null
                ? em.createQuery("select t from ApiToken t where " + valid + " order by t.id desc", ApiToken.class)
                : em.createQuery("select t from ApiToken t where " + valid + " and t.username = :user order by t.id desc",
                        ApiToken.class).setParameter("user", username);
        return query.setParameter("now", now).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public void remove(ApiToken token) {
        em.remove(token);
    }

    @Override
    public int removeAllOf(String username) {
        return em.createQuery("delete from ApiToken t where t.username = :u").setParameter("u", username)
                .executeUpdate();
    }

    @Override
    public int deleteExpired(Instant now) {
        return em.createQuery("delete from ApiToken t where t.expiresAt < :now or t.absoluteExpiresAt < :now")
                .setParameter("now", now).executeUpdate();
    }
}
