package de.akte.ingest.cli;

import de.akte.ingest.imports.source.ContentHash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchKeyTest {

    @TempDir
    Path dir;

    @Test
    void isCliPrefixAndTwentyHexDigits() {
        String key = BatchKey.derive("scan-pc-1", dir);

        assertTrue(key.matches("cli-[0-9a-f]{20}"), key);
    }

    @Test
    void sameHostAndFolderGiveTheSameKeyHoweverThePathIsWritten() throws Exception {
        Path scans = Files.createDirectory(dir.resolve("scans"));

        assertEquals(BatchKey.derive("Scan-PC-1", scans),
                BatchKey.derive("scan-pc-1", dir.resolve("scans/../scans/.")));
    }

    @Test
    void otherFolderOrOtherHostGiveAnotherKey() throws Exception {
        Path a = Files.createDirectory(dir.resolve("a"));
        Path b = Files.createDirectory(dir.resolve("b"));

        assertNotEquals(BatchKey.derive("pc", a), BatchKey.derive("pc", b));
        assertNotEquals(BatchKey.derive("pc1", a), BatchKey.derive("pc2", a));
    }

    @Test
    void isTheDocumentedHashOfHostAndPath() throws Exception {
        Path a = Files.createDirectory(dir.resolve("a"));

        String expected = "cli-" + ContentHash.of("pc:" + a.toRealPath()).substring(0, 20);
        assertEquals(expected, BatchKey.derive("PC", a));
    }
}
