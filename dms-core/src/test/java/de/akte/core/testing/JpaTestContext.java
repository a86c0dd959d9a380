package de.akte.core.testing;

import de.akte.core.infrastructure.persistence.flyway.SchemaMigrator;
import de.akte.core.infrastructure.persistence.jpa.MappedEntities;
import de.akte.core.shared.UnitOfWork;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;

import java.util.function.Supplier;

/**
 * Hibernate over a migrated test database with one EntityManager and resource-local
 * transactions: the test's stand-in for the container's JTA unit of work.
 */
public final class JpaTestContext implements UnitOfWork, AutoCloseable {

    private final TestDatabase database;
    private final EntityManagerFactory factory;
    private final EntityManager em;

    public JpaTestContext(TestDatabase.Kind kind) {
        this.database = TestDatabase.create(kind);
        new SchemaMigrator(database.dataSource(), getClass().getClassLoader()).migrate();
        Configuration configuration = new Configuration();
        MappedEntities.all().forEach(configuration::addAnnotatedClass);
        configuration.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, database.dataSource());
        configuration.setProperty(AvailableSettings.HBM2DDL_AUTO, "validate");
        // as strict as WildFly, which runs Hibernate with JPA query compliance
        configuration.setProperty(AvailableSettings.JPA_QUERY_COMPLIANCE, "true");
        this.factory = configuration.buildSessionFactory();
        this.em = factory.createEntityManager();
    }

    public EntityManager entityManager() {
        return em;
    }

    public TestDatabase database() {
        return database;
    }

    @Override
    public <T> T call(Supplier<T> work) {
        EntityTransaction tx = em.getTransaction();
        if (tx.isActive()) {
            return work.get();
        }
        tx.begin();
        try {
            T result = work.get();
            tx.commit();
            return result;
        } catch (RuntimeException | Error e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            // like a transaction-scoped persistence context: nothing survives the transaction
            em.clear();
        }
    }

    @Override
    public void close() {
        em.close();
        factory.close();
        database.close();
    }
}
