package de.akte.core.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh, empty database for one test class: an in-memory H2, or a private schema in the
 * machine's PostgreSQL (127.0.0.1:5432, database {@code test}; override with AKTE_TEST_PG_URL).
 */
public final class TestDatabase implements AutoCloseable {

    /** The two databases Akte supports. */
    public enum Kind { H2, POSTGRES }

    private final Kind kind;
    private final DataSource dataSource;
    private final String schema;

    private TestDatabase(Kind kind, DataSource dataSource, String schema) {
        this.kind = kind;
        this.dataSource = dataSource;
        this.schema = schema;
    }

    public static TestDatabase create(Kind kind) {
        String name = "akte_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (kind == Kind.H2) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
            h2.setUser("sa");
            return new TestDatabase(kind, h2, null);
        }
        String base = System.getenv().getOrDefault("AKTE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setURL(base);
        admin.setUser(System.getenv().getOrDefault("AKTE_TEST_PG_USER", "postgres"));
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("create schema " + name);
        } catch (SQLException e) {
            String message = "PostgreSQL at " + base + " is not reachable (" + e.getMessage()
                    + "). Start it, or set AKTE_TEST_PG_URL.";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(base);
        pg.setUser(admin.getUser());
        pg.setCurrentSchema(name);
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(pg);
        pool.setPoolName(name);
        pool.setMaximumPoolSize(10);
        pool.setMinimumIdle(0);
        return new TestDatabase(kind, new HikariDataSource(pool), name);
    }

    public Kind kind() {
        return kind;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (kind == Kind.H2) {
                s.execute("shutdown");
            } else {
                s.execute("drop schema " + schema + " cascade");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop the test database", e);
        } finally {
            if (dataSource instanceof HikariDataSource pool) {
                pool.close();
            }
        }
    }
}
