package de.akte.ingest.hotfolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Finds the files staff dropped, skipping the outcome folders, hidden files and copy tools' temp files. */
final class DroppedFiles {

    /** Suffixes of files that copy tools and browsers rename once they are complete. */
    private static final List<String> TEMP_SUFFIXES = List.of(".part", ".tmp", ".crdownload");
    /** Microsoft Office's lock files of open documents. */
    private static final String OFFICE_LOCK_PREFIX = "~$";

    private final Path root;
    private final Set<Path> skippedDirectories;

    DroppedFiles(Path root, Path... skippedDirectories) {
        this.root = root;
        this.skippedDirectories = Set.of(skippedDirectories);
    }

    /** All candidate files below the root, sorted by relative path so that scans are reproducible. */
    List<DroppedFile> list() {
        List<DroppedFile> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    boolean skip = !dir.equals(root) && (skippedDirectories.contains(dir) || isIgnored(dir));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && !isIgnored(file)) {
                        found.add(new DroppedFile(file, relativePath(file)));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // a file moved or deleted while we walk is normal in a shared folder; the next scan sees the truth
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the hot folder " + root, e);
        }
        found.sort(Comparator.comparing(DroppedFile::relativePath));
        return found;
    }

    private String relativePath(Path file) {
        List<String> segments = new ArrayList<>();
        root.relativize(file).forEach(segment -> segments.add(segment.toString()));
        return String.join("/", segments);
    }

    private static boolean isIgnored(Path path) {
        String name = path.getFileName().toString();
        String lowerCase = name.toLowerCase(Locale.ROOT);
        return name.startsWith(".")
                || name.startsWith(OFFICE_LOCK_PREFIX)
                || TEMP_SUFFIXES.stream().anyMatch(lowerCase::endsWith);
    }
}
