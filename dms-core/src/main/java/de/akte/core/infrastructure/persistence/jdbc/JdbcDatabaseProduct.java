package de.akte.core.infrastructure.persistence.jdbc;

import de.akte.core.health.DatabaseProduct;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/** Asks the data source's driver which database it talks to. */
public final class JdbcDatabaseProduct implements DatabaseProduct {

    private final DataSource dataSource;

    public JdbcDatabaseProduct(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public String name() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("the database cannot be reached: " + e.getMessage(), e);
        }
    }
}
