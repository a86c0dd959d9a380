package de.akte.core.infrastructure.clamav;

import de.akte.core.scanning.MalwareScan;
import de.akte.core.scanning.ScanVerdict;
import de.akte.core.scanning.ScannerStatus;
import de.akte.core.scanning.ScanUnfinishedException;
import de.akte.core.scanning.ScannerUnavailableException;
import de.akte.core.testing.TestClamd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The clamd protocol against the real daemon: verdicts, chunked streams, its size limit, PING/VERSION, timeouts. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClamdScannerTest {

    private static final int CLAMD_LIMIT = 256 * 1024;

    private Path dir;
    private TestClamd clamd;

    @BeforeAll
    void start() throws IOException {
        dir = Files.createTempDirectory("akte-clamd");
        clamd = TestClamd.start(dir.resolve("clamd"), CLAMD_LIMIT);
    }

    @AfterAll
    void stop() throws IOException {
        clamd.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    @Test
    void findsEicarAndTheCustomSignatureAndPassesACleanFile() throws IOException {
        assertEquals(ScanVerdict.infected(TestClamd.EICAR_SIGNATURE),
                clamd.scanner().scan(file("eicar.txt", TestClamd.EICAR.getBytes(StandardCharsets.US_ASCII))));
        assertEquals(ScanVerdict.infected(TestClamd.CUSTOM_SIGNATURE), clamd.scanner().scan(file("custom.txt",
                ("Vorspann " + TestClamd.CUSTOM_MARKER + " Nachspann").getBytes(StandardCharsets.US_ASCII))));
        assertEquals(ScanVerdict.clean(), clamd.scanner().scan(file("clean.txt",
                "Sehr geehrte Damen und Herren".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void streamsALargeFileInChunksAndFindsASignatureNearItsEnd() throws IOException {
        byte[] content = new byte[200 * 1024];
        new Random(7).nextBytes(content);
        byte[] marker = TestClamd.CUSTOM_MARKER.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(marker, 0, content, content.length - 1000, marker.length);
        assertEquals(ScanVerdict.infected(TestClamd.CUSTOM_SIGNATURE), clamd.scanner().scan(file("big.bin", content)));
    }

    @Test
    void aFileOverTheConfiguredLimitIsUnscannableWithoutBeingSent() throws IOException {
        ScanVerdict verdict = clamd.scanner().scan(file("huge.bin", new byte[CLAMD_LIMIT + 1]));
        assertEquals(MalwareScan.UNSCANNABLE, verdict.outcome());
        assertTrue(verdict.detail().startsWith("the file has 262145 bytes, more than the 262144"), verdict.detail());
    }

    @Test
    void whenAkteAllowsMoreThanClamdClamdsOwnRefusalMakesItUnscannable() throws IOException {
        ClamdScanner generous = new ClamdScanner(new ClamdClient(ClamdAddress.parse(clamd.address()),
                Duration.ofSeconds(2), Duration.ofSeconds(30)), 4L * CLAMD_LIMIT);
        ScanVerdict verdict = generous.scan(file("over.bin", new byte[2 * CLAMD_LIMIT]));
        assertEquals(MalwareScan.UNSCANNABLE, verdict.outcome());
        assertTrue(verdict.detail().contains("StreamMaxLength"), verdict.detail());
    }

    @Test
    void reportsEngineAndAvailability() {
        ScannerStatus status = clamd.scanner().status();
        assertTrue(status.enabled() && status.available(), status.toString());
        assertTrue(status.engine().startsWith("ClamAV "), status.engine());
        assertEquals(clamd.address(), status.address());
    }

    @Test
    void anAbsentClamdIsUnavailableNotClean() throws IOException {
        ClamdScanner absent = new ClamdScanner(new ClamdClient(ClamdAddress.parse("unix:" + dir.resolve("none.sock")),
                Duration.ofSeconds(1), Duration.ofSeconds(1)), CLAMD_LIMIT);
        Path clean = file("absent.txt", "Text".getBytes(StandardCharsets.UTF_8));
        ScannerUnavailableException e = assertThrows(ScannerUnavailableException.class, () -> absent.scan(clean));
        assertTrue(e.getMessage().startsWith("the malware scanner (clamd at unix:"), e.getMessage());
        assertFalse(absent.status().available());
    }

    @Test
    void anUnknownClamdHostIsUnavailableNotAnError() throws IOException {
        ClamdScanner nowhere = new ClamdScanner(new ClamdClient(ClamdAddress.parse("clamd.invalid:3310"),
                Duration.ofSeconds(1), Duration.ofSeconds(1)), CLAMD_LIMIT);
        Path clean = file("nowhere.txt", "Text".getBytes(StandardCharsets.UTF_8));
        ScannerUnavailableException e = assertThrows(ScannerUnavailableException.class, () -> nowhere.scan(clean));
        assertTrue(e.getMessage().contains("clamd's host clamd.invalid is not known"), e.getMessage());
        assertFalse(nowhere.status().available());
    }

    @Test
    void aClamdThatAcceptsButNeverAnswersTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (Socket s = silent.accept()) {
                    s.getInputStream().readAllBytes();
                } catch (IOException ignored) {
                    // the client gave up
                }
            });
            acceptor.start();
            ClamdScanner hanging = new ClamdScanner(new ClamdClient(ClamdAddress.parse("127.0.0.1:"
                    + silent.getLocalPort()), Duration.ofSeconds(1), Duration.ofMillis(300)), CLAMD_LIMIT);
            Path clean = file("hang.txt", "Text".getBytes(StandardCharsets.UTF_8));
            long start = System.nanoTime();
            ScannerUnavailableException e = assertThrows(ScannerUnavailableException.class, () -> hanging.scan(clean));
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 5000);
            assertTrue(e.getMessage().contains("did not answer within 300 ms"), e.getMessage());
            acceptor.join(5000);
        }
    }

    @Test
    void readsClamdAddresses() {
        assertEquals("unix:/run/clamav/clamd.ctl", ClamdAddress.parse(" unix:/run/clamav/clamd.ctl ").text());
        assertEquals(java.net.StandardProtocolFamily.UNIX, ClamdAddress.parse("unix:/x.sock").family());
        assertEquals(3310, ((java.net.InetSocketAddress) ClamdAddress.parse("clamav.intern:3310").socketAddress())
                .getPort());
        assertEquals("::1", ((java.net.InetSocketAddress) ClamdAddress.parse("[::1]:3310").socketAddress())
                .getHostString());
        assertThrows(IllegalArgumentException.class, () -> ClamdAddress.parse("clamav.intern"));
        assertThrows(IllegalArgumentException.class, () -> ClamdAddress.parse("unix:"));
        assertThrows(IllegalArgumentException.class, () -> ClamdAddress.parse("host:99999"));
    }

    @Test
    void readsClamdsAnswers() {
        assertEquals(ScanVerdict.clean(), ClamdScanner.verdict("stream: OK"));
        assertEquals(ScanVerdict.infected("Win.Test.EICAR_HDB-1"), ClamdScanner.verdict("stream: Win.Test.EICAR_HDB-1 FOUND"));
        assertEquals(MalwareScan.UNSCANNABLE, ClamdScanner.verdict("INSTREAM size limit exceeded. ERROR").outcome());
        assertThrows(ScanUnfinishedException.class, () -> ClamdScanner.verdict("Can't allocate memory ERROR"));
        ScanVerdict overLimits = ClamdScanner.verdict("stream: Heuristics.Limits.Exceeded.MaxFiles FOUND");
        assertEquals(MalwareScan.UNSCANNABLE, overLimits.outcome());
        assertTrue(overLimits.reason().contains("exceeds the malware scanner's limits (clamd: "
                + "Heuristics.Limits.Exceeded.MaxFiles)"), overLimits.reason());
    }
}
