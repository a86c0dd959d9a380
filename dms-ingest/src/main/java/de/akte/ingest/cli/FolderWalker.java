package de.akte.ingest.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the files of a folder and its sub-folders in a stable order (by relative path), leaving out hidden files and
 * folders, Akte's own {@code .akte*} files and the manifest.
 */
final class FolderWalker {

    private final Path root;
    private final Path manifest;

    FolderWalker(Path root, Path manifest) {
        this.root = root.toAbsolutePath().normalize();
        this.manifest = manifest == null ? null : manifest.toAbsolutePath().normalize();
    }

    /** Relative paths with forward slashes, sorted, whatever order the file system lists them in. */
    List<String> paths() {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(this::wanted)
                    .map(this::relative)
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new ImportUsageException("cannot read the folder " + root + ": " + e.getMessage(), e);
        }
    }

    ImportSource walk() {
        List<SourceFile> files = new ArrayList<>();
        List<ItemOutcome> unreadable = new ArrayList<>();
        for (String path : paths()) {
            Path file = root.resolve(path);
            try {
                files.add(new SourceFile(path, file, Files.size(file), ContentHash.of(file)));
            } catch (IOException e) {
                unreadable.add(ItemOutcome.failed(path, null, "cannot read the file: " + e.getMessage()));
            }
        }
        return new ImportSource(files, unreadable, null);
    }

    private boolean wanted(Path file) {
        if (file.toAbsolutePath().normalize().equals(manifest)) {
            return false;
        }
        for (Path part : root.relativize(file)) {
            String name = part.toString();
            if (name.startsWith(".")) {
                // covers .akte* as well as .DS_Store, .git and the like
                return false;
            }
        }
        return !isHidden(file);
    }

    private static boolean isHidden(Path file) {
        try {
            return Files.isHidden(file);
        } catch (IOException e) {
            return false;
        }
    }

    private String relative(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
