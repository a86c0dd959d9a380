package de.akte.ingest.isolation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * How many pages are recognised at once across all reader processes, as one shared pool of OCR threads bounded it
 * when everything ran in the server: one lock file per permit in a directory the readers share. The operating
 * system releases a dead reader's locks, so a killed reader never keeps a permit.
 */
final class OcrPermits {

    private static final long POLL_MILLIS = 20;

    private final FileChannel[] slots;

    OcrPermits(Path directory, int permits) {
        this.slots = new FileChannel[permits];
        try {
            Files.createDirectories(directory);
            for (int i = 0; i < permits; i++) {
                slots[i] = FileChannel.open(directory.resolve("permit-" + i), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the OCR permits in " + directory, e);
        }
    }

    /** Waits for a free permit; the caller releases the lock when its page is done. */
    FileLock acquire() throws InterruptedException {
        while (true) {
            for (FileChannel slot : slots) {
                try {
                    FileLock lock = slot.tryLock();
                    if (lock != null) {
                        return lock;
                    }
                } catch (OverlappingFileLockException e) {
                    // another OCR thread of this process holds it
                } catch (IOException e) {
                    throw new UncheckedIOException("could not take an OCR permit", e);
                }
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
