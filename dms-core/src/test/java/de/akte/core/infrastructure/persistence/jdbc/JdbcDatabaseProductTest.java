package de.akte.core.infrastructure.persistence.jdbc;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JdbcDatabaseProductTest {

    @Test
    void namesTheProductTheDriverTalksTo() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:product;DB_CLOSE_DELAY=-1");

        assertEquals("H2", new JdbcDatabaseProduct(h2).name());
    }

    @Test
    void failsWhenTheDatabaseCannotBeReached() {
        JdbcDataSource missing = new JdbcDataSource();
        missing.setURL("jdbc:h2:file:/nonexistent/akte/db;IFEXISTS=TRUE");

        assertThrows(IllegalStateException.class, () -> new JdbcDatabaseProduct(missing).name());
    }
}
