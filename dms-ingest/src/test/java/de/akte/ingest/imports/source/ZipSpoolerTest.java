package de.akte.ingest.imports.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipSpoolerTest {

    @TempDir
    Path dir;

    @Test
    void spoolsEntriesSortedByPathWithTheirHashAndContent() throws Exception {
        Path zip = zip("b/x.pdf", "abc", "a.pdf", "first", "b/", "");

        try (ImportSource source = new ZipSpooler(zip).spool()) {
            List<SourceFile> files = source.files();
            assertEquals(List.of("a.pdf", "b/x.pdf"), files.stream().map(SourceFile::path).toList());
            SourceFile x = files.get(1);
            assertEquals("abc", Files.readString(x.file()));
            assertEquals(3, x.size());
            assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", x.sha256());
            assertTrue(source.refused().isEmpty());
        }
    }

    @Test
    void refusesEntriesThatClimbOutOfTheArchiveAndWritesNothingForThem() throws Exception {
        Path zip = zip("ok.pdf", "ok", "../evil.pdf", "x", "a/../../b.pdf", "y");

        try (ImportSource source = new ZipSpooler(zip).spool()) {
            assertEquals(List.of("ok.pdf"), source.files().stream().map(SourceFile::path).toList());
            assertEquals(List.of("../evil.pdf", "a/../../b.pdf"),
                    source.refused().stream().map(RefusedFile::path).toList());
            assertTrue(source.refused().stream().allMatch(o -> o.reason().startsWith("refused: ")));
            assertTrue(source.refused().get(0).reason().contains(".."));
        }
        assertFalse(Files.exists(dir.resolve("evil.pdf")));
    }

    @Test
    void leavesOutHiddenEntriesAndMacResourceForks() throws Exception {
        Path zip = zip("a.pdf", "a", ".akte", "x", "__MACOSX/._a.pdf", "x", "sub/.DS_Store", "x");

        try (ImportSource source = new ZipSpooler(zip).spool()) {
            assertEquals(List.of("a.pdf"), source.files().stream().map(SourceFile::path).toList());
        }
    }

    @Test
    void removesTheSpooledCopiesOnClose() throws Exception {
        Path zip = zip("a.pdf", "a");
        Path copy;
        try (ImportSource source = new ZipSpooler(zip).spool()) {
            copy = source.files().get(0).file();
            assertTrue(Files.exists(copy));
        }
        assertFalse(Files.exists(copy));
        assertFalse(Files.exists(copy.getParent()));
    }

    @Test
    void dotsInsideNamesAreNotClimbing() {
        assertNull(ZipSpooler.refusal("a..b/c...pdf", "a..b/c...pdf"));
    }

    /** Name, content pairs; a name ending in / is a directory entry. */
    private Path zip(String... namesAndContents) throws Exception {
        Path zip = Files.createTempFile(dir, "scans", ".zip");
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                out.putNextEntry(new ZipEntry(namesAndContents[i]));
                out.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return zip;
    }
}
