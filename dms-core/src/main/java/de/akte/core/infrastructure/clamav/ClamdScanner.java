package de.akte.core.infrastructure.clamav;

import de.akte.core.scanning.MalwareScanner;
import de.akte.core.scanning.ScanUnfinishedException;
import de.akte.core.scanning.ScanVerdict;
import de.akte.core.scanning.ScannerStatus;
import de.akte.core.scanning.ScannerUnavailableException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Malware scanning by clamd. A file larger than clamd accepts (its StreamMaxLength, mirrored by
 * {@code maxStreamBytes}) is not sent at all and comes back UNSCANNABLE: it must not pass unscanned, and waiting
 * would not help. So does a file over clamd's other scan limits when clamd reports them ({@code AlertExceedsMax}).
 * A scan that fails while clamd still answers PING is the file's problem, not clamd's absence, and is reported as
 * unfinished, so that it is counted rather than waited for without end.
 */
public final class ClamdScanner implements MalwareScanner {

    private static final DateTimeFormatter CVD_DATE = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy",
            Locale.ENGLISH);

    private static final String LIMITS_EXCEEDED = "Heuristics.Limits.Exceeded";

    private final ClamdClient client;
    private final long maxStreamBytes;

    public ClamdScanner(ClamdClient client, long maxStreamBytes) {
        this.client = client;
        this.maxStreamBytes = maxStreamBytes;
    }

    @Override
    public ScanVerdict scan(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not read " + file, e);
        }
        if (size > maxStreamBytes) {
            return ScanVerdict.unscannable("the file has " + size + " bytes, more than the " + maxStreamBytes
                    + " the malware scanner accepts (clamd StreamMaxLength, AKTE_CLAMD_MAX_STREAM_BYTES)");
        }
        String reply;
        try (InputStream in = Files.newInputStream(file)) {
            reply = client.instream(in);
        } catch (IOException e) {
            if (answersPing()) {
                throw new ScanUnfinishedException("the malware scanner (clamd at " + client.address()
                        + ") answers, but did not finish scanning this file: " + describe(e), e);
            }
            throw unavailable(e);
        }
        return verdict(reply);
    }

    /** Reads clamd's answer to INSTREAM. */
    static ScanVerdict verdict(String reply) {
        String answer = reply.startsWith("stream:") ? reply.substring("stream:".length()).strip() : reply.strip();
        if (answer.equals("OK")) {
            return ScanVerdict.clean();
        }
        if (answer.endsWith(" FOUND")) {
            String signature = answer.substring(0, answer.length() - " FOUND".length()).strip();
            if (signature.startsWith(LIMITS_EXCEEDED)) {
                // not a finding but clamd giving up on the file (AlertExceedsMax): it cannot be vouched for
                return ScanVerdict.unscannable("the file exceeds the malware scanner's limits (clamd: "
                        + signature + ")");
            }
            return ScanVerdict.infected(signature);
        }
        if (answer.contains("size limit exceeded")) {
            return ScanVerdict.unscannable("the file is larger than the malware scanner accepts (raise clamd's "
                    + "StreamMaxLength, and AKTE_CLAMD_MAX_STREAM_BYTES to match)");
        }
        // any other ERROR (out of memory, a time limit inside clamd) may pass: tried again, but counted
        throw new ScanUnfinishedException("the malware scanner could not scan the file: " + answer);
    }

    @Override
    public ScannerStatus status() {
        try {
            String pong = client.ping();
            if (!"PONG".equals(pong)) {
                return new ScannerStatus(true, false, client.address().text(), null, null, null,
                        "clamd at " + client.address() + " answered '" + pong + "' to PING");
            }
            String[] version = client.version().split("/", 3);
            Instant date = null;
            if (version.length == 3) {
                try {
                    date = LocalDateTime.parse(version[2].strip(), CVD_DATE).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e) {
                    date = null;
                }
            }
            return new ScannerStatus(true, true, client.address().text(), version[0].strip(),
                    version.length > 1 ? version[1].strip() : null, date, null);
        } catch (IOException e) {
            return new ScannerStatus(true, false, client.address().text(), null, null, null,
                    unavailable(e).getMessage());
        }
    }

    private boolean answersPing() {
        try {
            return "PONG".equals(client.ping());
        } catch (IOException e) {
            return false;
        }
    }

    private ScannerUnavailableException unavailable(IOException e) {
        return new ScannerUnavailableException("the malware scanner (clamd at " + client.address()
                + ") is not reachable: " + describe(e), e);
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
