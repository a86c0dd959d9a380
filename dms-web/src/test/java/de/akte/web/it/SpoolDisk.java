package de.akte.web.it;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small file system of its own (tmpfs, mounted as root) for the server's upload spool, which the test fills to
 * the last byte and frees again.
 */
final class SpoolDisk implements AutoCloseable {

    private final Path mountPoint;
    private final Path filler;

    private SpoolDisk(Path mountPoint) {
        this.mountPoint = mountPoint;
        this.filler = mountPoint.resolve("filler.bin");
    }

    static SpoolDisk mount(Path mountPoint, int mebibytes) {
        try {
            Files.createDirectories(mountPoint);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        unmountQuietly(mountPoint);
        FaultTools.run("mount", "-t", "tmpfs", "-o", "size=" + mebibytes + "m,mode=0755", "tmpfs", mountPoint.toString());
        return new SpoolDisk(mountPoint);
    }

    Path path() {
        return mountPoint;
    }

    /** Writes until the file system refuses another byte. */
    long fill() {
        byte[] block = new byte[64 * 1024];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                written += block.length;
            }
        } catch (IOException full) {
            // "No space left on device": what the test wanted
        }
        return written;
    }

    void free() {
        try {
            Files.deleteIfExists(filler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long usableBytes() {
        try {
            return Files.getFileStore(mountPoint).getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        unmountQuietly(mountPoint);
    }

    private static void unmountQuietly(Path mountPoint) {
        try {
            FaultTools.run("umount", "-l", mountPoint.toString());
        } catch (RuntimeException notMounted) {
            // nothing mounted there
        }
    }
}
