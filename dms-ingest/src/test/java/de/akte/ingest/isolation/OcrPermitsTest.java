package de.akte.ingest.isolation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The OCR permits the reader processes share: no more pages at once than permits. */
class OcrPermitsTest {

    @TempDir
    Path dir;

    @Test
    void aThirdPageWaitsForOneOfTwoPermits() throws Exception {
        OcrPermits permits = new OcrPermits(dir, 2);
        FileLock first = permits.acquire();
        FileLock second = permits.acquire();
        CompletableFuture<FileLock> third = CompletableFuture.supplyAsync(() -> {
            try {
                return permits.acquire();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        assertFalse(third.isDone(), "both permits are taken");
        second.release();
        assertNotNull(third.get(10, TimeUnit.SECONDS), "a released permit is taken at once");
        first.release();
    }
}
