package de.akte.ingest.imports.source;

import de.akte.core.imports.ImportRoots;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of a folder or ZIP ready for import (by the command-line client, or by the server's own import job),
 * plus the entries refused before import; closing it removes the spooled copies of ZIP entries.
 */
public final class ImportSource implements AutoCloseable {

    private final List<SourceFile> files;
    private final List<RefusedFile> refused;
    private final Path spoolDirectory;
    private final ConfinedFiles confinement;

    ImportSource(List<SourceFile> files, List<RefusedFile> refused, Path spoolDirectory) {
        this(files, refused, spoolDirectory, null);
    }

    /** @param confinement how the files of a folder below the import roots are opened; null: by name */
    ImportSource(List<SourceFile> files, List<RefusedFile> refused, Path spoolDirectory, ConfinedFiles confinement) {
        this.files = List.copyOf(files);
        this.refused = List.copyOf(refused);
        this.spoolDirectory = spoolDirectory;
        this.confinement = confinement;
    }

    /**
     * Opens one of the files for reading. Below the import roots each folder on the way is opened without following
     * links, so a folder swapped for a link since the walk cannot lead the read elsewhere.
     */
    public InputStream read(SourceFile file) throws IOException {
        if (confinement != null) {
            return confinement.open(file.file());
        }
        return Files.newInputStream(file.file(), LinkOption.NOFOLLOW_LINKS);
    }

    /** The files to import, in a stable order, each with its SHA-256. */
    public List<SourceFile> files() {
        return files;
    }

    /** Files that cannot be imported (unreadable, or ZIP entries whose names leave the archive), with reasons. */
    public List<RefusedFile> refused() {
        return refused;
    }

    /**
     * Opens a folder (walked recursively) or a ZIP file (spooled to a temporary folder) on the client's disk.
     *
     * @param manifest the manifest file, left out of a folder's files; or null
     */
    public static ImportSource open(Path source, Path manifest) {
        if (Files.isDirectory(source)) {
            return new FolderWalker(source, manifest).walk();
        }
        if (Files.isRegularFile(source)) {
            return new ZipSpooler(source).spool();
        }
        throw new ImportSourceException("no folder or ZIP file " + source);
    }

    /**
     * Opens a folder or ZIP file on the server: the source must really lie below the import roots, links within a
     * folder are judged by where they lead, and a ZIP is held to the limits.
     *
     * @throws de.akte.core.shared.InvalidInputException when the source lies outside the roots
     * @throws ImportSourceException                    when a ZIP is over a limit or unreadable
     */
    public static ImportSource openConfined(String source, ImportRoots roots, ZipLimits zipLimits) {
        Path real = roots.confine(source);
        if (Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
            return new FolderWalker(real, null, roots).walk();
        }
        return new ZipSpooler(real, zipLimits).spool();
    }

    /**
     * The files of a ZIP that arrived inside something else (an e-mail attachment), spooled to a temporary folder and
     * held to the limits while it expands.
     *
     * @throws ImportSourceException when the ZIP is over a limit or unreadable, with the reason
     */
    public static ImportSource unzip(Path zip, ZipLimits limits) {
        return new ZipSpooler(zip, limits).spool();
    }

    @Override
    public void close() {
        if (spoolDirectory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(spoolDirectory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the temporary copies in " + spoolDirectory, e);
        }
    }
}
