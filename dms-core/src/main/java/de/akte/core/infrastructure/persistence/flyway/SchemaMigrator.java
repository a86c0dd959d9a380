package de.akte.core.infrastructure.persistence.flyway;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;

/** Brings the database schema up to date with the versioned migrations in {@code db/migration}. */
public final class SchemaMigrator {

    private final DataSource dataSource;
    private final ClassLoader classLoader;

    public SchemaMigrator(DataSource dataSource, ClassLoader classLoader) {
        this.dataSource = dataSource;
        this.classLoader = classLoader;
    }

    /** Applies pending migrations and returns the schema version reached. */
    public String migrate() {
        MigrateResult result = Flyway.configure(classLoader)
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                // an existing database without our history table is a configuration error, not something to adopt
                .baselineOnMigrate(false)
                .cleanDisabled(true)
                .load()
                .migrate();
        return result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
    }
}
