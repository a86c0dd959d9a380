package de.akte.core.testing;

import de.akte.core.infrastructure.clamav.ClamdAddress;
import de.akte.core.infrastructure.clamav.ClamdClient;
import de.akte.core.infrastructure.clamav.ClamdScanner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real clamd (Debian's clamav-daemon), started in the foreground with a signature database the tests write
 * themselves (no downloads): the EICAR test file by its hash and a custom body signature. Without clamd the tests
 * are skipped locally and fail on CI ({@code CI=true}).
 */
public final class TestClamd implements AutoCloseable {

    /** The EICAR anti-virus test file: harmless, but every scanner must report it. */
    public static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
    /** What the EICAR hash signature is named in this database (clamd appends {@code .UNOFFICIAL}). */
    public static final String EICAR_SIGNATURE = "Akte-Test-EICAR.UNOFFICIAL";
    /** Any file containing these bytes is "infected" with {@link #CUSTOM_SIGNATURE}. */
    public static final String CUSTOM_MARKER = "AKTE-TEST-MALWARE-7f3e9a";
    public static final String CUSTOM_SIGNATURE = "Akte-Test-Custom.UNOFFICIAL";

    private static final String CLAMD = System.getProperty("akte.test.clamd", "/usr/sbin/clamd");

    private final Path dir;
    private final Path socket;
    private final long maxStreamBytes;
    private final List<String> settings;
    private Process process;

    private TestClamd(Path dir, long maxStreamBytes, List<String> settings) {
        this.dir = dir;
        this.socket = dir.resolve("clamd.sock");
        this.maxStreamBytes = maxStreamBytes;
        this.settings = settings;
    }

    /** Writes the database and config into {@code dir} and starts clamd; skips (or fails on CI) without clamd. */
    public static TestClamd start(Path dir, long maxStreamBytes) {
        return start(dir, maxStreamBytes, List.of());
    }

    /** As {@link #start(Path, long)}, with further clamd.conf lines (e.g. scan limits). */
    public static TestClamd start(Path dir, long maxStreamBytes, List<String> settings) {
        if (!Files.isExecutable(Path.of(CLAMD))) {
            String reason = "clamd not found at " + CLAMD + ": install the Debian package clamav-daemon";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(reason);
            }
            System.err.println("clamd tests skipped. " + reason);
            assumeTrue(false, reason);
        }
        TestClamd clamd = new TestClamd(dir, maxStreamBytes, List.copyOf(settings));
        try {
            clamd.writeConfiguration();
        } catch (IOException e) {
            throw new IllegalStateException("could not write clamd's configuration", e);
        }
        clamd.startAgain();
        return clamd;
    }

    /** {@code unix:/…/clamd.sock}, as AKTE_CLAMD takes it. */
    public String address() {
        return "unix:" + socket;
    }

    /** A scanner talking to this clamd, accepting as much as it does. */
    public ClamdScanner scanner() {
        return scanner(Duration.ofSeconds(30));
    }

    /** A scanner that waits at most {@code scanTimeout} for a scan (PING and VERSION get 5 s). */
    public ClamdScanner scanner(Duration scanTimeout) {
        return new ClamdScanner(new ClamdClient(ClamdAddress.parse(address()), Duration.ofSeconds(2),
                Duration.ofSeconds(5), scanTimeout), maxStreamBytes);
    }

    /** Stops clamd, as when the daemon crashed or is being updated. */
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** Starts clamd (again) and waits until it answers PING. */
    public void startAgain() {
        if (process != null) {
            return;
        }
        try {
            Files.deleteIfExists(socket);
            process = new ProcessBuilder(CLAMD, "--foreground", "--config-file=" + dir.resolve("clamd.conf"))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("clamd.out").toFile()).start();
            ClamdClient client = new ClamdClient(ClamdAddress.parse(address()), Duration.ofSeconds(1),
                    Duration.ofSeconds(5));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("clamd stopped at once: "
                            + Files.readString(dir.resolve("clamd.out")));
                }
                try {
                    if (Files.exists(socket) && "PONG".equals(client.ping())) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still loading its database
                }
                Thread.sleep(20);
            }
            throw new IllegalStateException("clamd did not answer within 30 s: " + Files.readString(dir.resolve(
                    "clamd.out")));
        } catch (IOException e) {
            throw new IllegalStateException("could not start clamd", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting clamd", e);
        }
    }

    private void writeConfiguration() throws IOException {
        Path database = Files.createDirectories(dir.resolve("db"));
        writeDatabase(database);
        Files.writeString(dir.resolve("clamd.conf"), configuration(dir, database, maxStreamBytes)
                + String.join("\n", settings) + "\n");
    }

    /** The test signatures: EICAR by MD5 and size ({@code .hdb}), the custom marker as a body signature. */
    public static void writeDatabase(Path database) throws IOException {
        Files.writeString(database.resolve("akte-test.hdb"),
                "44d88612fea8a8f36de82e1278abb02f:68:Akte-Test-EICAR\n");
        Files.writeString(database.resolve("akte-test.ndb"), "Akte-Test-Custom:0:*:"
                + HexFormat.of().formatHex(CUSTOM_MARKER.getBytes(StandardCharsets.US_ASCII)) + "\n");
    }

    /** A clamd.conf for a private clamd: socket, database and log in {@code dir}, nothing downloaded. */
    public static String configuration(Path dir, Path database, long maxStreamBytes) {
        return String.join("\n",
                "LocalSocket " + dir.resolve("clamd.sock"),
                "DatabaseDirectory " + database,
                "PidFile " + dir.resolve("clamd.pid"),
                "LogFile " + dir.resolve("clamd.log"),
                "StreamMaxLength " + maxStreamBytes,
                "MaxThreads 4",
                "SelfCheck 0",
                "") ;
    }

    @Override
    public void close() {
        stop();
    }
}
