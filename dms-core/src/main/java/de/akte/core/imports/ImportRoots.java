package de.akte.core.imports;

import de.akte.core.shared.InvalidInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The folders below which the server reads imports from its own file system. Every path is compared after
 * {@link Path#toRealPath} has resolved all symbolic links, so no link, at any depth, leads a server-side import
 * outside them. No roots: server-side imports are off.
 */
public record ImportRoots(List<Path> roots) {

    private static final String FIELD = "serverPath";

    public ImportRoots {
        roots = List.copyOf(roots);
    }

    /** No roots: every server path is refused. */
    public static ImportRoots none() {
        return new ImportRoots(List.of());
    }

    /**
     * Reads a list of folders separated by commas or colons (the form of {@code AKTE_IMPORT_ROOTS}); each must
     * exist, and is kept as its real path.
     *
     * @throws IllegalArgumentException when a named folder does not exist or is no folder
     */
    public static ImportRoots parse(String setting) {
        List<Path> roots = new ArrayList<>();
        for (String part : setting.split("[,:]")) {
            String name = part.strip();
            if (name.isEmpty()) {
                continue;
            }
            Path path = Path.of(name);
            if (!path.isAbsolute()) {
                throw new IllegalArgumentException("AKTE_IMPORT_ROOTS must name absolute folders, not " + name);
            }
            try {
                Path real = path.toRealPath();
                if (!Files.isDirectory(real)) {
                    throw new IllegalArgumentException("AKTE_IMPORT_ROOTS names " + name + ", which is no folder");
                }
                roots.add(real);
            } catch (IOException e) {
                throw new IllegalArgumentException("AKTE_IMPORT_ROOTS names " + name + ", which does not exist", e);
            }
        }
        return new ImportRoots(roots);
    }

    /** Whether server-side imports are possible at all. */
    public boolean enabled() {
        return !roots.isEmpty();
    }

    /** Whether a real path (links already resolved) lies in or below one of the roots. */
    public boolean contains(Path real) {
        return roots.stream().anyMatch(real::startsWith);
    }

    /**
     * The real path of a folder or ZIP file an administrator asked the server to import.
     *
     * @throws InvalidInputException when imports are off, the path is relative, missing, neither folder nor ZIP,
     *                               or it, or a link on the way to it, lies outside the roots
     */
    public Path confine(String requested) {
        if (!enabled()) {
            throw new InvalidInputException(FIELD, "imports from the server's file system are off: the "
                    + "administrator names the folders they may come from in AKTE_IMPORT_ROOTS");
        }
        Path path = Path.of(requested);
        if (!path.isAbsolute()) {
            throw new InvalidInputException(FIELD, "give the absolute path of a folder or ZIP file, not " + requested);
        }
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            throw new InvalidInputException(FIELD, "no folder or ZIP file " + requested + " on the server");
        }
        if (!contains(real)) {
            boolean linked = !real.equals(path.toAbsolutePath().normalize());
            throw new InvalidInputException(FIELD, requested + (linked ? " leads through a symbolic link to "
                    + real + ", which is" : " is") + " outside the folders server-side imports may read ("
                    + String.join(", ", roots.stream().map(Path::toString).toList()) + ")");
        }
        if (!Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS) && !(Files.isRegularFile(real,
                LinkOption.NOFOLLOW_LINKS) && real.getFileName().toString().toLowerCase(java.util.Locale.ROOT)
                .endsWith(".zip"))) {
            throw new InvalidInputException(FIELD, "no folder or ZIP file " + requested + " on the server");
        }
        return real;
    }
}
