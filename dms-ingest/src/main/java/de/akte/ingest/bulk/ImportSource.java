package de.akte.ingest.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The files of a bulk import: a folder (recursively) or a ZIP, in a stable order so that a resumed import walks
 * them the same way. Hidden files, the tool files of the importer ({@code .akte*}) and macOS resource forks are
 * left out; ZIP entries that would climb out of the archive ({@code ..}) are reported, never read.
 */
public final class ImportSource implements AutoCloseable {

    private final List<SourceFile> files;
    private final List<String> refused;
    private final ZipFile zip;

    private ImportSource(List<SourceFile> files, List<String> refused, ZipFile zip) {
        this.files = List.copyOf(files);
        this.refused = List.copyOf(refused);
        this.zip = zip;
    }

    /** Opens a folder or a {@code .zip} file. */
    public static ImportSource open(Path source) {
        try {
            if (Files.isDirectory(source)) {
                return folder(source);
            }
            if (Files.isRegularFile(source)) {
                return zip(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + source, e);
        }
        throw new IllegalArgumentException("No folder or ZIP file at " + source);
    }

    private static ImportSource folder(Path root) throws IOException {
        List<SourceFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> !hidden(root.relativize(p).toString().replace('\\', '/')))
                    .sorted(Comparator.comparing(p -> root.relativize(p).toString().replace('\\', '/')))
                    .forEach(p -> {
                        String relative = root.relativize(p).toString().replace('\\', '/');
                        files.add(new SourceFile() {
                            @Override
                            public String relativePath() {
                                return relative;
                            }

                            @Override
                            public InputStream open() throws IOException {
                                return Files.newInputStream(p);
                            }
                        });
                    });
        }
        return new ImportSource(files, List.of(), null);
    }

    private static ImportSource zip(Path archive) throws IOException {
        ZipFile zip = new ZipFile(archive.toFile());
        List<SourceFile> files = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        List<? extends ZipEntry> entries = new ArrayList<>(java.util.Collections.list(entriesOf(zip)));
        entries.sort(Comparator.comparing(ZipEntry::getName));
        for (ZipEntry entry : entries) {
            String name = entry.getName().replace('\\', '/');
            if (entry.isDirectory() || hidden(name)) {
                continue;
            }
            if (climbsOut(name)) {
                refused.add(name);
                continue;
            }
            files.add(new SourceFile() {
                @Override
                public String relativePath() {
                    return name;
                }

                @Override
                public InputStream open() throws IOException {
                    return zip.getInputStream(entry);
                }
            });
        }
        return new ImportSource(files, refused, zip);
    }

    @SuppressWarnings("unchecked")
    private static Enumeration<ZipEntry> entriesOf(ZipFile zip) {
        return (Enumeration<ZipEntry>) zip.entries();
    }

    private static boolean hidden(String relativePath) {
        for (String segment : relativePath.split("/")) {
            if (segment.startsWith(".") || segment.equals("__MACOSX")) {
                return true;
            }
        }
        return false;
    }

    private static boolean climbsOut(String name) {
        if (name.startsWith("/")) {
            return true;
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** The files to import, in order. */
    public List<SourceFile> files() {
        return files;
    }

    /** ZIP entries refused because their names would leave the archive. */
    public List<String> refused() {
        return refused;
    }

    @Override
    public void close() {
        if (zip != null) {
            try {
                zip.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
