package de.akte.ingest.imports.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderWalkerTest {

    @TempDir
    Path root;

    @Test
    void listsFilesOfAllSubfoldersSortedByRelativePathWithForwardSlashes() throws Exception {
        write("b.pdf");
        write("a/z.pdf");
        write("a/b/c.tif");
        write("a.pdf");

        assertEquals(List.of("a.pdf", "a/b/c.tif", "a/z.pdf", "b.pdf"), new FolderWalker(root, null).paths());
    }

    @Test
    void leavesOutHiddenFilesHiddenFoldersAkteFilesAndTheManifest() throws Exception {
        write("keep.pdf");
        write(".DS_Store");
        write(".akte-state.json");
        write(".git/objects/x");
        write("sub/.hidden.pdf");
        Path manifest = write("manifest.csv");

        assertEquals(List.of("keep.pdf"), new FolderWalker(root, manifest).paths());
    }

    @Test
    void keepsACsvThatIsNotTheManifest() throws Exception {
        write("liste.csv");
        Path manifest = write("manifest.csv");

        assertEquals(List.of("liste.csv"), new FolderWalker(root, manifest).paths());
    }

    @Test
    void hashesEachFileWithSha256() throws Exception {
        write("a.txt", "abc");

        try (ImportSource source = new FolderWalker(root, null).walk()) {
            SourceFile file = source.files().get(0);
            assertEquals("a.txt", file.path());
            assertEquals(3, file.size());
            assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", file.sha256());
        }
    }

    private Path write(String path) throws Exception {
        return write(path, path);
    }

    private Path write(String path, String content) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
