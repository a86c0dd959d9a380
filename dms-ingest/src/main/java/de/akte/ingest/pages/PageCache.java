package de.akte.ingest.pages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Rendered page images on disk, bounded in bytes: past the bound the least recently read are removed. The order
 * is kept in memory and, through each file's modification time, on disk, so it survives a restart.
 */
public final class PageCache {

    private final Path root;
    private final long maxBytes;
    /** Kept files and their sizes, least recently read first. */
    private final LinkedHashMap<Path, Long> kept = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    /** Keeps pages under {@code root}, at most {@code maxBytes} of them, finding what an earlier run kept. */
    public PageCache(Path root, long maxBytes) {
        this.root = root;
        this.maxBytes = maxBytes;
        load();
    }

    /** The kept bytes under the name, marking them as just read. */
    public Optional<byte[]> get(String folder, String name) {
        Path file = root.resolve(folder).resolve(name);
        synchronized (this) {
            if (kept.get(file) == null) {
                return Optional.empty();
            }
        }
        try {
            byte[] content = Files.readAllBytes(file);
            touch(file);
            return Optional.of(content);
        } catch (NoSuchFileException e) {
            // removed by eviction between the lookup and the read
            synchronized (this) {
                Long size = kept.remove(file);
                bytes -= size == null ? 0 : size;
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the kept page " + file, e);
        }
    }

    /** Keeps the bytes under the name, removing the least recently read pages until the bound holds again. */
    public void put(String folder, String name, byte[] content) {
        if (content.length > maxBytes) {
            return;
        }
        Path file = root.resolve(folder).resolve(name);
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), "page-", ".tmp");
            Files.write(temporary, content);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the page " + file, e);
        }
        List<Path> evicted = new ArrayList<>();
        synchronized (this) {
            Long before = kept.put(file, (long) content.length);
            bytes += content.length - (before == null ? 0 : before);
            Iterator<Map.Entry<Path, Long>> eldest = kept.entrySet().iterator();
            while (bytes > maxBytes && eldest.hasNext()) {
                Map.Entry<Path, Long> entry = eldest.next();
                if (entry.getKey().equals(file)) {
                    continue;
                }
                bytes -= entry.getValue();
                evicted.add(entry.getKey());
                eldest.remove();
            }
        }
        for (Path old : evicted) {
            deleteQuietly(old);
        }
    }

    /** Removes every kept file of the folder whose name starts with the prefix. */
    public void removeAll(String folder, String prefix) {
        Path directory = root.resolve(folder);
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (var files = Files.newDirectoryStream(directory, prefix + "*.png")) {
            for (Path file : files) {
                synchronized (this) {
                    Long size = kept.remove(file);
                    bytes -= size == null ? 0 : size;
                }
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the kept pages " + prefix + "* in " + directory, e);
        }
    }

    /** The bytes kept now. */
    public synchronized long bytes() {
        return bytes;
    }

    private void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            // only the order after a restart suffers
        }
    }

    /** Reads what an earlier run kept, oldest read first, and trims it to the bound (which may have shrunk). */
    private void load() {
        if (!Files.isDirectory(root)) {
            return;
        }
        record Found(Path file, long size, long readAt) {
        }
        List<Found> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root, 2)) {
            files.filter(f -> f.getFileName().toString().endsWith(".png") && Files.isRegularFile(f)).forEach(f -> {
                try {
                    found.add(new Found(f, Files.size(f), Files.getLastModifiedTime(f).toMillis()));
                } catch (IOException e) {
                    // vanished while listing
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("could not list the page cache " + root, e);
        }
        found.sort(Comparator.comparingLong(Found::readAt));
        List<Path> evicted = new ArrayList<>();
        synchronized (this) {
            for (Found f : found) {
                kept.put(f.file(), f.size());
                bytes += f.size();
            }
            Iterator<Map.Entry<Path, Long>> eldest = kept.entrySet().iterator();
            while (bytes > maxBytes && eldest.hasNext()) {
                Map.Entry<Path, Long> entry = eldest.next();
                bytes -= entry.getValue();
                evicted.add(entry.getKey());
                eldest.remove();
            }
        }
        evicted.forEach(PageCache::deleteQuietly);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover file is found and counted again at the next start
        }
    }
}
