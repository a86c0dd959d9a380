package de.akte.ingest.isolation;

import de.akte.ingest.image.ImageDecoders;
import de.akte.ingest.ocr.OcrSettings;
import de.akte.ingest.recognition.RecognitionSettings;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The reader process: takes jobs from standard input and answers on standard output, one job at a time. A listener
 * thread keeps reading standard input, so the process halts as soon as the server closes the pipe or dies, even in
 * the middle of a file.
 */
public final class ParserMain {

    static final String TESSERACT = "akte.parser.tesseract";
    static final String LANGUAGES = "akte.parser.languages";
    static final String OCR_TIMEOUT = "akte.parser.ocr.timeout.millis";
    static final String OCR_DPI = "akte.parser.ocr.dpi";
    static final String OCR_THREADS = "akte.parser.ocr.threads";
    static final String OCR_PERMITS = "akte.parser.ocr.permits";
    static final String OCR_PERMITS_DIRECTORY = "akte.parser.ocr.permits.dir";
    /** Jobs are small: paths and names. */
    private static final int MAX_JOB_BYTES = 1024 * 1024;

    private ParserMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        DataOutputStream protocol = new DataOutputStream(new BufferedOutputStream(
                new FileOutputStream(FileDescriptor.out)));
        // a library printing to standard output must not corrupt the protocol
        System.setOut(System.err);
        DataInputStream input = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        Channel channel = new Channel(protocol);
        BlockingQueue<Wire.Job> jobs = new LinkedBlockingQueue<>();
        Thread listener = new Thread(() -> listen(input, jobs), "server-pipe");
        listener.setDaemon(true);
        listener.start();

        ImageDecoders.register();
        OcrSettings ocr = new OcrSettings(System.getProperty(TESSERACT, "tesseract"),
                List.of(System.getProperty(LANGUAGES, "deu+eng").split("\\+")),
                Duration.ofMillis(Long.getLong(OCR_TIMEOUT, 120_000)), Integer.getInteger(OCR_DPI, 300));
        String permitDirectory = System.getProperty(OCR_PERMITS_DIRECTORY);
        OcrPermits permits = permitDirectory == null ? null
                : new OcrPermits(java.nio.file.Path.of(permitDirectory), Math.max(1, Integer.getInteger(OCR_PERMITS, 1)));
        ParserWork work = new ParserWork(RecognitionSettings.defaults().withOcr(ocr),
                Math.max(1, Integer.getInteger(OCR_THREADS, 1)), permits, channel::beat);
        channel.send(Frames.READY, new byte[0]);
        while (true) {
            Wire.Job job = jobs.take();
            channel.send(Frames.MESSAGE, Frames.serialize(work.handle(job)));
        }
    }

    private static void listen(DataInputStream input, BlockingQueue<Wire.Job> jobs) {
        WireDecoder decoder = WireDecoder.jobs();
        try {
            while (true) {
                Frames.Frame frame = Frames.read(input, MAX_JOB_BYTES);
                jobs.put((Wire.Job) decoder.decode(frame.payload()));
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            // the server closed the pipe, died, or sent nonsense: nobody waits for this process any more
        }
        Runtime.getRuntime().halt(0);
    }

    /** Standard output, written by the job's thread and the OCR threads' heartbeats. */
    private record Channel(DataOutputStream out) {
        synchronized void send(byte kind, byte[] payload) {
            try {
                Frames.write(out, kind, payload);
            } catch (IOException e) {
                // the server is gone: the listener halts the process
            }
        }

        void beat() {
            send(Frames.BEAT, new byte[0]);
        }
    }
}
