package de.akte.ingest.imports.source;

import de.akte.core.imports.ImportRoots;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the files of a folder and its sub-folders in a stable order (by relative path), leaving out hidden files and
 * folders, Akte's own {@code .akte*} files and the manifest. Confined to import roots (on the server), it judges
 * every symbolic link by where it really leads: a link to a file within the roots is read through its real path,
 * a link leading outside them, a broken one and one to a folder are refused with a reason.
 */
final class FolderWalker {

    private final Path root;
    private final Path manifest;
    private final ImportRoots roots;
    private final ConfinedFiles confined;

    FolderWalker(Path root, Path manifest) {
        this(root, manifest, null);
    }

    /** @param roots the folders every file must really lie in; null: no confinement (the client's own disk) */
    FolderWalker(Path root, Path manifest, ImportRoots roots) {
        this.root = root.toAbsolutePath().normalize();
        this.manifest = manifest == null ? null : manifest.toAbsolutePath().normalize();
        this.roots = roots;
        this.confined = roots == null ? null : new ConfinedFiles(roots);
    }

    /** Relative paths with forward slashes, sorted, whatever order the file system lists them in. */
    List<String> paths() {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(this::candidate)
                    .filter(this::wanted)
                    .map(this::relative)
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new ImportSourceException("cannot read the folder " + root + ": " + e.getMessage(), e);
        }
    }

    ImportSource walk() {
        List<SourceFile> files = new ArrayList<>();
        List<RefusedFile> unreadable = new ArrayList<>();
        for (String path : paths()) {
            Path file = root.resolve(path);
            if (roots != null && Files.isSymbolicLink(file)) {
                try {
                    Path real = file.toRealPath();
                    String refusal = !roots.contains(real) ? "refused: a symbolic link leading outside the folders "
                            + "server-side imports may read" : Files.isDirectory(real)
                            ? "refused: a symbolic link to a folder, which server-side imports do not follow" : null;
                    if (refusal != null) {
                        unreadable.add(new RefusedFile(path, refusal));
                        continue;
                    }
                    file = real;
                } catch (IOException e) {
                    unreadable.add(new RefusedFile(path, "refused: a symbolic link leading nowhere"));
                    continue;
                }
            }
            try {
                files.add(confined == null ? new SourceFile(path, file, Files.size(file), ContentHash.of(file))
                        : confinedFile(path, file));
            } catch (IOException e) {
                unreadable.add(new RefusedFile(path, "cannot read the file: " + e.getMessage()));
            }
        }
        return new ImportSource(files, unreadable, null, confined);
    }

    // hashed from the very bytes an import will read, opened the same safe way
    private SourceFile confinedFile(String path, Path file) throws IOException {
        long size;
        String sha256;
        try (java.io.InputStream in = confined.open(file)) {
            java.security.MessageDigest digest = ContentHash.sha256();
            byte[] buffer = new byte[64 * 1024];
            size = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                size += n;
            }
            sha256 = java.util.HexFormat.of().formatHex(digest.digest());
        }
        return new SourceFile(path, file, size, sha256);
    }

    /** Files, and when confined links of any kind too: they are judged, not silently followed or skipped. */
    private boolean candidate(Path file) {
        return roots == null ? Files.isRegularFile(file)
                : Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(file);
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
