package de.akte.core.health;

import de.akte.core.infrastructure.filesystem.FileSystemBlobStore;
import de.akte.core.recognition.Capability;
import de.akte.core.scanning.SwitchedOffScanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class HealthCheckTest {

    private static final HealthReport ALL_UP = new HealthReport(HealthStatus.UP,
            Map.of("database", ComponentHealth.up()));

    @TempDir
    Path dir;

    @Test
    void reportsTheChecksOcrAndScannerButDetailsOnlyWhenAsked() throws Exception {
        HealthCheck check = new HealthCheck(() -> ALL_UP, () -> Capability.missing("no tesseract"),
                new SwitchedOffScanner(), details(() -> "PostgreSQL", () -> 42));

        SystemStatus plain = check.status(false);
        assertEquals(ALL_UP, plain.report());
        assertEquals("no tesseract", plain.ocr().reason());
        assertFalse(plain.malwareScan().enabled());
        assertNull(plain.details());

        SystemDetails details = check.status(true).details();
        assertEquals("PostgreSQL", details.database());
        assertEquals(42L, details.indexedDocuments());
        assertEquals(dir, details.dataDir());
    }

    @Test
    void namesADatabaseItCannotReachAndAnIndexItCannotReadInsteadOfFailing() throws Exception {
        SystemDetails details = details(() -> {
            throw new IllegalStateException("connection refused");
        }, () -> {
            throw new IllegalStateException("index closed");
        }).read();

        assertEquals("unreachable", details.database());
        assertNull(details.indexedDocuments());
    }

    private HealthDetails details(DatabaseProduct database, java.util.function.LongSupplier indexed)
            throws Exception {
        FileSystemBlobStore blobs = new FileSystemBlobStore(Files.createDirectories(dir.resolve("blobs")),
                Files.createDirectories(dir.resolve("spool")));
        return new HealthDetails(database, blobs, indexed, dir, () -> "local Lucene index, test");
    }
}
