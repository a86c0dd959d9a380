package de.akte.ingest.ocr;

import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Runs one Tesseract command single-threaded, with a timeout, capturing its output. */
final class TesseractProcess {

    /** What a finished run left behind. */
    record Result(int exitCode, String stdout, String stderr) {
        /** The error output as one short line for a user: Leptonica and Tesseract write several. */
        String stderrSummary() {
            String summary = stderr.lines().map(String::strip).filter(l -> !l.isEmpty())
                    .collect(Collectors.joining("; "));
            return summary.length() > 300 ? summary.substring(0, 300) + "…" : summary;
        }
    }

    private TesseractProcess() {
    }

    /**
     * Runs the command and waits for it.
     *
     * @throws OcrUnavailableException when the executable cannot be started
     * @throws TimeoutException        when it ran longer than the timeout; it has been killed then
     * @throws InterruptedIOException  when the calling thread was interrupted; it has been killed then
     */
    static Result run(List<String> command, Duration timeout) throws IOException, TimeoutException {
        // output goes to files, not pipes: nothing to drain in threads, and a killed process leaves nothing blocked
        Path dir = Files.createTempDirectory("akte-ocr-");
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            // OpenMP threads make Tesseract ~3x more expensive per page; parallelism comes from one process per core
            builder.environment().put("OMP_THREAD_LIMIT", "1");
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new OcrUnavailableException("Tesseract could not be started (" + command.get(0) + "): "
                        + e.getMessage(), e);
            }
            boolean finished;
            try {
                finished = process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                kill(process);
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while waiting for Tesseract");
            }
            if (!finished) {
                kill(process);
                throw new TimeoutException("Tesseract ran longer than " + timeout.toMillis() + " ms");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    new String(Files.readAllBytes(err), StandardCharsets.UTF_8));
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            // reap it, so that no zombie is left; SIGKILL cannot be ignored, so this is quick
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover temp directory is not worth failing a recognised page for
        }
    }
}
