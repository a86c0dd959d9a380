package de.akte.core.imports;

import de.akte.core.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportRootsTest {

    @TempDir
    Path dir;

    @Test
    void readsRootsSeparatedByCommasOrColonsAsRealPaths() throws IOException {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Path linkToB = Files.createSymbolicLink(dir.resolve("b-link"), b);

        ImportRoots roots = ImportRoots.parse(a + ", " + linkToB + ":" + a);

        assertEquals(a.toRealPath(), roots.roots().get(0));
        assertEquals(b.toRealPath(), roots.roots().get(1));
        assertThrows(IllegalArgumentException.class, () -> ImportRoots.parse(dir.resolve("missing").toString()));
        assertThrows(IllegalArgumentException.class, () -> ImportRoots.parse("relative/folder"));
    }

    @Test
    void refusesEveryServerPathWhenNoRootsAreConfiguredWithReason() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("scans"));

        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> ImportRoots.none().confine(folder.toString()));

        assertTrue(refused.getMessage().contains("AKTE_IMPORT_ROOTS"), refused.getMessage());
        assertFalse(ImportRoots.none().enabled());
    }

    @Test
    void acceptsFolderAndZipBelowARootAsTheirRealPaths() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        Path folder = Files.createDirectories(root.resolve("batch"));
        Path zip = Files.write(root.resolve("batch.zip"), new byte[]{1});
        ImportRoots roots = ImportRoots.parse(root.toString());

        assertEquals(folder.toRealPath(), roots.confine(folder.toString()));
        assertEquals(zip.toRealPath(), roots.confine(root.resolve("batch/../batch.zip").toString()));
    }

    @Test
    void refusesPathOutsideTheRootsAndDotDotClimbingOutOfThem() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        ImportRoots roots = ImportRoots.parse(root.toString());

        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> roots.confine(outside.toString()));
        assertTrue(refused.getMessage().contains("outside the folders"), refused.getMessage());
        assertThrows(InvalidInputException.class, () -> roots.confine(root.resolve("../outside").toString()));
        assertThrows(InvalidInputException.class, () -> roots.confine("outside"));
    }

    @Test
    void refusesSymbolicLinkToAFolderOutsideTheRootsAtAnyDepth() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        Path outside = Files.createDirectories(dir.resolve("outside/deep"));
        Files.createSymbolicLink(root.resolve("escape"), outside.getParent());
        ImportRoots roots = ImportRoots.parse(root.toString());

        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> roots.confine(root.resolve("escape/deep").toString()));

        assertTrue(refused.getMessage().contains("symbolic link"), refused.getMessage());
    }

    @Test
    void refusesSymbolicLinkToAZipOutsideTheRootsAndFilesThatAreNoZip() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        Path zip = Files.write(dir.resolve("secret.zip"), new byte[]{1});
        Files.createSymbolicLink(root.resolve("innocent.zip"), zip);
        Files.write(root.resolve("notes.txt"), new byte[]{1});
        ImportRoots roots = ImportRoots.parse(root.toString());

        assertThrows(InvalidInputException.class, () -> roots.confine(root.resolve("innocent.zip").toString()));
        assertThrows(InvalidInputException.class, () -> roots.confine(root.resolve("notes.txt").toString()));
    }
}
