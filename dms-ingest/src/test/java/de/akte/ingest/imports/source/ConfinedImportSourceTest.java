package de.akte.ingest.imports.source;

import de.akte.core.imports.ImportRoots;
import de.akte.core.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Server-side import sources: only below the import roots, links judged by where they lead, ZIPs held to limits. */
class ConfinedImportSourceTest {

    @TempDir
    Path dir;

    @Test
    void refusesFileLinkAndFolderLinkLeadingOutsideTheRootsWithReasonsAndReadsTheRest() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        Path batch = Files.createDirectories(root.resolve("batch/sub"));
        Files.writeString(batch.resolve("ok.pdf"), "ok");
        Path secrets = Files.createDirectories(dir.resolve("etc"));
        Files.writeString(secrets.resolve("passwd"), "root:x:0:0");
        Files.createSymbolicLink(batch.resolve("passwd.pdf"), secrets.resolve("passwd"));
        Files.createSymbolicLink(batch.resolve("etc"), secrets);
        Files.writeString(root.resolve("elsewhere.pdf"), "inside");
        Files.createSymbolicLink(batch.resolve("inside.pdf"), root.resolve("elsewhere.pdf"));
        Files.createSymbolicLink(batch.resolve("dangling.pdf"), dir.resolve("missing"));

        try (ImportSource source = ImportSource.openConfined(root.resolve("batch").toString(),
                ImportRoots.parse(root.toString()), ZipLimits.defaults())) {
            assertEquals(List.of("sub/inside.pdf", "sub/ok.pdf"), source.files().stream().map(SourceFile::path)
                    .toList());
            assertEquals(root.resolve("elsewhere.pdf").toRealPath(), source.files().get(0).file(),
                    "a link within the roots is read through its real path");
            assertEquals(List.of("sub/dangling.pdf", "sub/etc", "sub/passwd.pdf"), source.refused().stream()
                    .map(RefusedFile::path).sorted().toList());
            assertTrue(reason(source, "sub/passwd.pdf").contains("outside the folders"), reason(source, "sub/passwd.pdf"));
            assertTrue(reason(source, "sub/etc").contains("outside the folders"), reason(source, "sub/etc"));
            assertTrue(reason(source, "sub/dangling.pdf").contains("leading nowhere"));
        }
    }

    @Test
    void aFolderSwappedForALinkAfterTheWalkDoesNotLeadTheReadPastTheRoots() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        Path sub = Files.createDirectories(root.resolve("batch/sub"));
        Files.writeString(sub.resolve("brief.pdf"), "Brief");
        Path secrets = Files.createDirectories(dir.resolve("geheim"));
        Files.writeString(secrets.resolve("brief.pdf"), "Geheimnis");

        try (ImportSource source = ImportSource.openConfined(root.resolve("batch").toString(),
                ImportRoots.parse(root.toString()), ZipLimits.defaults())) {
            SourceFile file = source.files().get(0);
            try (InputStream in = source.read(file)) {
                assertEquals("Brief", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            // someone with write access to the import folder swaps a folder on the way for a link
            Files.move(sub, root.resolve("batch/vorher"));
            Files.createSymbolicLink(sub, secrets);
            assertEquals("Geheimnis", Files.readString(file.file()), "by name the path now leads outside the roots");

            IOException refused = assertThrows(IOException.class, () -> source.read(file).close());
            assertTrue(refused.getMessage().contains("is a link or gone"), refused.getMessage());
        }
    }

    @Test
    void refusesALinkToAFolderWithinTheRootsRatherThanFollowingIt() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        Path other = Files.createDirectories(root.resolve("other"));
        Files.writeString(other.resolve("x.pdf"), "x");
        Path batch = Files.createDirectories(root.resolve("batch"));
        Files.createSymbolicLink(batch.resolve("loop"), root);

        try (ImportSource source = ImportSource.openConfined(batch.toString(), ImportRoots.parse(root.toString()),
                ZipLimits.defaults())) {
            assertTrue(source.files().isEmpty());
            assertTrue(reason(source, "loop").contains("folder"), reason(source, "loop"));
        }
    }

    @Test
    void refusesSourceOutsideTheRoots() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        Path outside = Files.createDirectories(dir.resolve("outside"));

        assertThrows(InvalidInputException.class, () -> ImportSource.openConfined(outside.toString(),
                ImportRoots.parse(root.toString()), ZipLimits.defaults()));
    }

    @Test
    void refusesZipBombFromItsDirectoryAndWhileExpandingIt() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        // 20 MiB of zeros deflate to about 20 KiB: a ratio of about 1000
        Path zip = zip(root.resolve("bomb.zip"), "zeros.pdf", new byte[20 << 20]);
        ZipLimits limits = new ZipLimits(100, 1L << 40, 250);

        ImportSourceException early = assertThrows(ImportSourceException.class, () -> limits.check(zip));
        ImportSourceException spooled = assertThrows(ImportSourceException.class, () -> ImportSource.openConfined(
                zip.toString(), ImportRoots.parse(root.toString()), limits));

        assertTrue(early.getMessage().contains("zeros.pdf expands more than 250 times"), early.getMessage());
        assertTrue(spooled.getMessage().contains("ZIP bomb"), spooled.getMessage());
    }

    @Test
    void refusesZipExpandingPastTheTotalLimit() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        byte[] noise = new byte[300_000];
        new java.util.Random(1).nextBytes(noise);
        Path zip = zip(root.resolve("big.zip"), "a.pdf", noise, "b.pdf", noise, "c.pdf", noise);
        ZipLimits limits = new ZipLimits(100, 800_000, 250);

        assertThrows(ImportSourceException.class, () -> limits.check(zip));
        ImportSourceException refused = assertThrows(ImportSourceException.class, () -> ImportSource.openConfined(
                zip.toString(), ImportRoots.parse(root.toString()), limits));

        assertTrue(refused.getMessage().contains("more than 800000 bytes"), refused.getMessage());
    }

    @Test
    void refusesZipWithTooManyEntries() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        Object[] entries = new Object[2 * 12];
        for (int i = 0; i < 12; i++) {
            entries[2 * i] = "f" + i + ".pdf";
            entries[2 * i + 1] = new byte[]{(byte) i};
        }
        Path zip = zip(root.resolve("many.zip"), entries);
        ZipLimits limits = new ZipLimits(10, 1L << 30, 250);

        ImportSourceException early = assertThrows(ImportSourceException.class, () -> limits.check(zip));
        ImportSourceException spooled = assertThrows(ImportSourceException.class, () -> ImportSource.openConfined(
                zip.toString(), ImportRoots.parse(root.toString()), limits));

        assertTrue(early.getMessage().contains("more than 10 entries"), early.getMessage());
        assertEquals(early.getMessage(), spooled.getMessage());
    }

    @Test
    void refusesAbsoluteAndClimbingEntryNamesButKeepsTheOthers() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        Path zip = zip(root.resolve("slip.zip"), "ok.pdf", bytes("ok"), "/etc/cron.d/x", bytes("x"),
                "..\\..\\evil.pdf", bytes("y"), "C:/Windows/evil.pdf", bytes("z"));

        try (ImportSource source = ImportSource.openConfined(zip.toString(), ImportRoots.parse(root.toString()),
                ZipLimits.defaults())) {
            assertEquals(List.of("ok.pdf"), source.files().stream().map(SourceFile::path).toList());
            assertEquals(3, source.refused().size());
            assertTrue(reason(source, "/etc/cron.d/x").contains("absolute"));
            assertTrue(reason(source, "..\\..\\evil.pdf").contains(".."));
        }
    }

    private static String reason(ImportSource source, String path) {
        return source.refused().stream().filter(o -> o.path().equals(path)).findFirst().orElseThrow().reason();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Path zip(Path file, Object... nameAndContent) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < nameAndContent.length; i += 2) {
                zip.putNextEntry(new ZipEntry((String) nameAndContent[i]));
                zip.write((byte[]) nameAndContent[i + 1]);
                zip.closeEntry();
            }
        }
        return file;
    }
}
