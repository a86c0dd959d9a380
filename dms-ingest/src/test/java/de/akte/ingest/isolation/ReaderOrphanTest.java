package de.akte.ingest.isolation;

import de.akte.ingest.ocr.OcrSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A reader process never outlives the server: killing its parent with SIGKILL ends it too. */
class ReaderOrphanTest {

    @TempDir
    Path dir;

    @Test
    void aReaderEndsWhenItsParentIsKilled() throws Exception {
        Process parent = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ParentThatDies.class.getName(), dir.toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        long readerPid;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertNotNull(line, "the parent names its reader");
            readerPid = Long.parseLong(line.strip());
        }
        Optional<ProcessHandle> reader = ProcessHandle.of(readerPid);
        assertTrue(reader.isPresent() && reader.get().isAlive(), "the reader runs");

        parent.destroyForcibly();  // SIGKILL: no shutdown hook, no close
        assertTrue(parent.waitFor(10, TimeUnit.SECONDS));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (reader.get().isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertFalse(reader.get().isAlive(), "the reader ended with its parent");
    }

    /** A parent that starts a reader, says its process id and waits to be killed. */
    public static final class ParentThatDies {
        public static void main(String[] args) throws Exception {
            ParserSettings settings = ParserSettings.ofThisJvm(Path.of(args[0]), OcrSettings.defaults());
            ParserProcess reader = ParserProcess.launch(settings, Path.of(args[0]));
            reader.awaitReady(Duration.ofSeconds(60));
            System.out.println(reader.pid());
            System.out.flush();
            Thread.sleep(Duration.ofMinutes(5).toMillis());
        }
    }
}
