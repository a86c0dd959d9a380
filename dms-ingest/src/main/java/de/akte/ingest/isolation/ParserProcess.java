package de.akte.ingest.isolation;

import de.akte.core.recognition.ReaderCrashedException;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One reader process seen from the server: a separate JVM with its own heap, stack and time limits that reads
 * untrusted files one job at a time. It exits on its own when its standard input closes, so it never outlives the
 * server, not even a {@code kill -9} of it. A process that died, was stopped or sent something refused is not used
 * again.
 */
final class ParserProcess implements AutoCloseable {

    /** What {@code -XX:+ExitOnOutOfMemoryError} exits with. */
    private static final int EXIT_OUT_OF_MEMORY = 3;
    /** A 1 MiB stack: a parser recursing without bound overflows it soon, in the reader, not in the server. */
    private static final String STACK = "-Xss1m";
    private static final WireDecoder ANSWERS = WireDecoder.answers();

    private final Process process;
    private final DataOutputStream toReader;
    private final DataInputStream fromReader;
    private final Path directory;
    private final int heapMiB;
    private int jobs;

    // watched by the pool's watchdog thread; changed under this object's lock
    private long busySince;
    private long lastBeat;
    private long stallNanos;
    private long limitNanos;
    private String stopped;

    private ParserProcess(Process process, Path directory, int heapMiB) {
        this.process = process;
        this.directory = directory;
        this.heapMiB = heapMiB;
        this.toReader = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
        this.fromReader = new DataInputStream(new BufferedInputStream(process.getInputStream()));
    }

    /** Starts a reader process whose temporary files go into {@code directory}; it is not ready yet. */
    static ParserProcess launch(ParserSettings settings, Path directory) throws IOException {
        List<String> command = new ArrayList<>(List.of(settings.java().toString(),
                "-Xmx" + settings.heapMiB() + "m", STACK, "-XX:+ExitOnOutOfMemoryError",
                // one collector thread and no perf-data file: a reader is small and short-lived
                "-XX:+UseSerialGC", "-XX:-UsePerfData",
                "-Djava.awt.headless=true", "-Djava.io.tmpdir=" + directory,
                // the parsers' libraries log through SLF4J and Log4j, which have no back-end in a reader: without these
                // every reader start printed "no provider" warnings into the server log
                "-Dslf4j.internal.verbosity=ERROR",
                "-Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory",
                "-D" + ParserMain.TESSERACT + "=" + settings.ocr().executable(),
                "-D" + ParserMain.LANGUAGES + "=" + String.join("+", settings.ocr().languages()),
                "-D" + ParserMain.OCR_TIMEOUT + "=" + settings.ocr().timeout().toMillis(),
                "-D" + ParserMain.OCR_DPI + "=" + settings.ocr().dpi(),
                "-D" + ParserMain.OCR_THREADS + "=" + settings.ocrThreads(),
                "-D" + ParserMain.OCR_PERMITS + "=" + settings.ocrThreads(),
                "-D" + ParserMain.OCR_PERMITS_DIRECTORY + "=" + settings.workRoot().resolve("ocr-permits"),
                "-cp", settings.classPath(), ParserMain.class.getName()));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        return new ParserProcess(process, directory, settings.heapMiB());
    }

    /** Waits for the reader to say it is ready. */
    void awaitReady(Duration limit) throws IOException {
        watch(limit, limit);
        try {
            Frames.Frame frame = Frames.read(fromReader, 0);
            if (frame.kind() != Frames.READY) {
                throw new IOException("the reader process did not start properly");
            }
        } catch (IOException e) {
            String why = died();
            throw new IOException(why.replace("the file's reader", "the reader process") + " while starting", e);
        } finally {
            idle();
        }
    }

    /**
     * Hands the reader one job and waits for its answer, stopping it when it reports no progress for {@code stall} or
     * has not answered within {@code limit}.
     *
     * @throws ReaderCrashedException when it died, was stopped or answered something refused
     */
    Wire.Answer call(Wire.Job job, Duration stall, Duration limit) {
        watch(stall, limit);
        jobs++;
        try {
            Frames.write(toReader, Frames.MESSAGE, Frames.serialize(job));
            while (true) {
                Frames.Frame frame = Frames.read(fromReader, WireDecoder.MAX_BYTES);
                if (frame.kind() == Frames.BEAT) {
                    beat();
                } else if (frame.kind() == Frames.MESSAGE) {
                    return (Wire.Answer) ANSWERS.decode(frame.payload());
                } else {
                    throw new RefusedAnswerException("a frame of kind " + frame.kind());
                }
            }
        } catch (RefusedAnswerException e) {
            // the JVM itself writes "Terminating due to java.lang.OutOfMemoryError" to standard output as it exits:
            // garbage followed by an exit is a death, not a forged answer
            if (exitsWithin(Duration.ofSeconds(5))) {
                throw new ReaderCrashedException(died());
            }
            stop("sent something refused");
            throw new ReaderCrashedException("the file's reader sent an answer that was refused (" + e.getMessage()
                    + ")");
        } catch (IOException e) {
            throw new ReaderCrashedException(died());
        } finally {
            idle();
        }
    }

    int jobs() {
        return jobs;
    }

    long pid() {
        return process.pid();
    }

    /** Whether the process runs and was never stopped: only then may it take another job. */
    synchronized boolean usable() {
        return stopped == null && process.isAlive();
    }

    /** The watchdog's look at the process: stops it when it is past its limits. */
    synchronized void check(long now) {
        if (busySince == 0 || stopped != null) {
            return;
        }
        if (now - busySince > limitNanos) {
            stop("did not finish within " + TimeUnit.NANOSECONDS.toSeconds(limitNanos) + " s");
        } else if (now - lastBeat > stallNanos) {
            stop("made no progress for " + TimeUnit.NANOSECONDS.toSeconds(stallNanos) + " s");
        }
    }

    private synchronized void watch(Duration stall, Duration limit) {
        stallNanos = stall.toNanos();
        limitNanos = limit.toNanos();
        busySince = System.nanoTime();
        lastBeat = busySince;
    }

    private synchronized void beat() {
        lastBeat = System.nanoTime();
    }

    private synchronized void idle() {
        busySince = 0;
    }

    private synchronized void stop(String why) {
        if (stopped == null) {
            stopped = why;
        }
        process.destroyForcibly();
    }

    private synchronized String stoppedBecause() {
        return stopped;
    }

    private boolean exitsWithin(Duration wait) {
        try {
            return process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // the pipe closed: the exit code tells why
    private String died() {
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        String why = stoppedBecause();
        if (why != null) {
            return "the file's reader " + why + " and was stopped";
        }
        if (process.isAlive()) {
            stop("closed its pipe");
            return "the file's reader closed its pipe and was stopped";
        }
        int code = process.exitValue();
        return code == EXIT_OUT_OF_MEMORY ? "the file's reader ran out of its memory (" + heapMiB + " MiB)"
                : "the file's reader crashed (exit code " + code + ")";
    }

    /** Ends the process (closing its input is enough for a healthy one) and removes its temporary files. */
    @Override
    public void close() {
        try {
            toReader.close();
        } catch (IOException e) {
            // it is gone already
        }
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        Directories.deleteQuietly(directory);
    }
}
