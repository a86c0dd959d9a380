package de.akte.web.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of the test's own (initdb in {@code target}, its own port), so that stopping it hurts no
 * other test; the machine's shared server is never touched.
 */
final class PrivatePostgres implements AutoCloseable {

    private final Path bin;
    private final Path root;
    private final Path data;
    private final int port;

    private PrivatePostgres(Path bin, Path root, int port) {
        this.bin = bin;
        this.root = root;
        this.data = root.resolve("data");
        this.port = port;
    }

    /** The directory with initdb and pg_ctl, or null if PostgreSQL's server programs are not installed. */
    static Path binaries() {
        List<Path> candidates = new java.util.ArrayList<>(List.of(Path.of("/usr/local/bin")));
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            versions.sorted(java.util.Comparator.reverseOrder()).map(v -> v.resolve("bin")).forEach(candidates::add);
        } catch (java.io.IOException e) {
            // not installed there
        }
        return candidates.stream().filter(d -> Files.isExecutable(d.resolve("initdb"))
                && Files.isExecutable(d.resolve("pg_ctl"))).findFirst().orElse(null);
    }

    /** Creates a fresh cluster under {@code root} and starts it. */
    static PrivatePostgres create(Path bin, Path root, int port) {
        FaultTools.run("rm", "-rf", root.toString());
        FaultTools.run("mkdir", "-p", root.toString());
        if (FaultTools.isRoot()) {
            FaultTools.run("chown", "postgres:postgres", root.toString());
        }
        PrivatePostgres pg = new PrivatePostgres(bin, root, port);
        FaultTools.run(FaultTools.as("postgres", List.of(bin.resolve("initdb").toString(), "-D", pg.data.toString(),
                "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync")), Map.of(),
                Duration.ofMinutes(2));
        pg.start();
        return pg;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    void start() {
        // the operating system does not crash in this test, only PostgreSQL: fsync would only cost time
        FaultTools.run(FaultTools.as("postgres", List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(),
                "-l", root.resolve("postgres.log").toString(), "-w", "-t", "60", "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + root
                        + " -c fsync=off -c max_connections=100", "start")), Map.of(), Duration.ofMinutes(2));
    }

    /** Stops it the hard way: every backend is gone at once and the next start recovers from the WAL. */
    void crash() {
        FaultTools.run(FaultTools.as("postgres", List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(),
                "-m", "immediate", "-w", "stop")), Map.of(), Duration.ofMinutes(1));
    }

    @Override
    public void close() {
        try {
            FaultTools.run(FaultTools.as("postgres", List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(),
                    "-m", "fast", "-w", "stop")), Map.of(), Duration.ofMinutes(1));
        } catch (RuntimeException e) {
            System.out.println("FaultInjectionIT: could not stop the private PostgreSQL: " + e.getMessage());
        }
    }
}
