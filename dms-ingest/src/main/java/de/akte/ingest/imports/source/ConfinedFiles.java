package de.akte.ingest.imports.source;

import de.akte.core.imports.ImportRoots;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Opens a file below the import roots one folder at a time, each step relative to the folder opened before and
 * without following links ({@code openat} with {@code O_NOFOLLOW} underneath). A check of the path first and an open
 * by name after would leave a gap: a folder on the way swapped for a link in between would lead the read past the
 * roots. Here there is no gap, whatever changes in the folders meanwhile.
 */
final class ConfinedFiles {

    private static final Set<StandardOpenOption> READ = Set.of(StandardOpenOption.READ);

    private final ImportRoots roots;

    ConfinedFiles(ImportRoots roots) {
        this.roots = roots;
    }

    /**
     * Opens {@code file} (an absolute, link-free path below one of the roots) for reading.
     *
     * @throws IOException when a folder or the file on the way is (now) a link, is missing, or the file system cannot
     *                     open folders relative to each other (then nothing is read rather than read unsafely)
     */
    InputStream open(Path file) throws IOException {
        Path normal = file.toAbsolutePath().normalize();
        Path root = roots.roots().stream().filter(normal::startsWith).findFirst()
                .orElseThrow(() -> new IOException("the file lies outside the folders server-side imports may read"));
        Path relative = root.relativize(normal);
        if (relative.getNameCount() == 0 || relative.toString().isEmpty()) {
            throw new IOException("not a file below the import roots");
        }
        List<DirectoryStream<Path>> opened = new ArrayList<>();
        try {
            DirectoryStream<Path> top = Files.newDirectoryStream(root);
            opened.add(top);
            if (!(top instanceof SecureDirectoryStream<Path> current)) {
                throw new IOException("this file system cannot open folders safely relative to each other; "
                        + "server-side imports read nothing from it");
            }
            for (int i = 0; i < relative.getNameCount() - 1; i++) {
                SecureDirectoryStream<Path> next = current.newDirectoryStream(relative.getName(i),
                        LinkOption.NOFOLLOW_LINKS);
                opened.add(next);
                current = next;
            }
            SeekableByteChannel channel = current.newByteChannel(relative.getFileName(), withNoFollow());
            return Channels.newInputStream(channel);
        } catch (java.nio.file.FileSystemException e) {
            throw new IOException("a folder or the file on the way is a link or gone (" + e.getMessage()
                    + "); server-side imports do not follow links swapped in after the folder was read", e);
        } finally {
            // the file stays open without its folders: it was opened by them, not through them
            for (DirectoryStream<Path> stream : opened) {
                stream.close();
            }
        }
    }

    private static Set<java.nio.file.OpenOption> withNoFollow() {
        Set<java.nio.file.OpenOption> options = new java.util.HashSet<>(READ);
        options.add(LinkOption.NOFOLLOW_LINKS);
        return options;
    }
}
