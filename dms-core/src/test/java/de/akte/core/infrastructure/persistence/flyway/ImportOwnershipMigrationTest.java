package de.akte.core.infrastructure.persistence.flyway;

import de.akte.core.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Version 9 gives the batches of an existing database their owners: a person's stay theirs, the hot folder's and
 * server-side imports' become the system's; keys are then unique per owner, and kept protocols survive the move.
 */
class ImportOwnershipMigrationTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void existingBatchesGetTheirOwnersAndKeysBecomeUniquePerOwner(TestDatabase.Kind kind) throws SQLException {
        try (TestDatabase database = TestDatabase.create(kind)) {
            // the schema as it stood before owners (V7; V8 is unrelated to imports)
            flyway(database).target("7").load().migrate();
            try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate(batch("scans-1", "CLIENT", "scan1", "null"));
                s.executeUpdate(batch("hotfolder-2026-11-27", "HOT_FOLDER", "hotfolder", "null"));
                s.executeUpdate(batch("server:/srv/kiste", "SERVER", "admin", "4711"));

                flyway(database).load().migrate();

                Map<String, String> owners = new HashMap<>();
                try (ResultSet rows = s.executeQuery("select batch_key, owner from import_batch")) {
                    while (rows.next()) {
                        owners.put(rows.getString(1), rows.getString(2));
                    }
                }
                assertEquals(Map.of("scans-1", "scan1", "hotfolder-2026-11-27", "system:hot-folder",
                        "server:/srv/kiste", "system:server-import"), owners);
                try (ResultSet rows = s.executeQuery("select d.document_id from import_protocol_document d"
                        + " join import_batch b on b.id = d.batch_id where b.batch_key = 'server:/srv/kiste'")) {
                    rows.next();
                    assertEquals(4711L, rows.getLong(1));
                }
                // the same key for another owner is another batch; for the same owner it is refused
                s.executeUpdate(owned("scans-1", "scan2"));
                assertThrows(SQLException.class, () -> s.executeUpdate(owned("scans-1", "scan1")));
            }
        }
    }

    private static FluentConfiguration flyway(TestDatabase database) {
        return Flyway.configure(ImportOwnershipMigrationTest.class.getClassLoader())
                .dataSource(database.dataSource()).locations("classpath:db/migration").cleanDisabled(true);
    }

    private static String batch(String key, String kind, String createdBy, String protocolDocument) {
        return "insert into import_batch (batch_key, source, kind, state, created_at, created_by, version,"
                + " protocol_document_id) values ('" + key + "', 'test', '" + kind + "', 'OPEN', current_timestamp, '"
                + createdBy + "', 0, " + protocolDocument + ")";
    }

    private static String owned(String key, String owner) {
        return "insert into import_batch (owner, batch_key, source, kind, state, created_at, created_by, version)"
                + " values ('" + owner + "', '" + key + "', 'test', 'CLIENT', 'OPEN', current_timestamp, '" + owner
                + "', 0)";
    }
}
