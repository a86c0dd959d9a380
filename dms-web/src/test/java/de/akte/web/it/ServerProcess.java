package de.akte.web.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A second server from the provisioned distribution, with its own base directory, data directory and ports, for
 * tests that must kill a server the hard way ({@code kill -9}) and start it again.
 */
final class ServerProcess implements AutoCloseable {

    private final Path home;
    private final Path base;
    private final Map<String, String> environment;
    private final int portOffset;
    private final Path log;
    private Process shell;

    ServerProcess(Path home, Path workDir, String name, int portOffset, Map<String, String> environment) {
        this.home = home;
        this.base = workDir.resolve(name + "-base");
        this.log = workDir.resolve(name + ".log");
        this.portOffset = portOffset;
        // the build's clamd (see pom.xml), unless the test names its own: without it files would wait for ever
        Map<String, String> all = new java.util.HashMap<>();
        all.put("AKTE_CLAMD", System.getProperty("akte.it.clamd", "unix:target/it-clamd/clamd.sock"));
        all.put("AKTE_MALWARE_SCAN", System.getProperty("akte.it.malwareScan", "on"));
        all.putAll(environment);
        this.environment = Map.copyOf(all);
        copyBaseDirectory(home.resolve("standalone"), base);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + (8080 + portOffset);
    }

    /** Starts the server and waits until its health check answers UP. */
    void start() {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base, "-Djboss.socket.binding.port-offset=" + portOffset)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            shell = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + home, e);
        }
        HttpClient http = HttpClient.newHttpClient();
        // a loaded machine (CI, builds side by side) may take minutes
        Duration patience = Duration.ofMinutes(Long.getLong("akte.it.serverStartMinutes", 6));
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (!shell.isAlive()) {
                throw new IllegalStateException("the server stopped while starting; see " + log);
            }
            pause(500);
        }
        throw new IllegalStateException("the server did not come up within " + patience + "; see " + log);
    }

    /**
     * Kills the server's JVM with SIGKILL, as a power cut would: no shutdown hooks, nothing flushed.
     *
     * @return the JVM's own child processes (Tesseract, parser processes) as they were at the kill: nobody kills
     *         them, so they must end by themselves
     */
    List<ProcessHandle> kill() {
        List<ProcessHandle> servers = shell.descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false)).toList();
        List<ProcessHandle> children = servers.stream().flatMap(ProcessHandle::descendants).toList();
        servers.forEach(ProcessHandle::destroyForcibly);
        servers.forEach(p -> p.onExit().join());
        shell.destroyForcibly();
        try {
            shell.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pause(1000);
        return children;
    }

    @Override
    public void close() {
        if (shell != null && shell.isAlive()) {
            shell.descendants().forEach(ProcessHandle::destroy);
            shell.destroy();
            try {
                shell.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void copyBaseDirectory(Path from, Path to) {
        try {
            if (Files.exists(to)) {
                try (Stream<Path> old = Files.walk(to)) {
                    old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            try (Stream<Path> files = Files.walk(from)) {
                for (Path source : (Iterable<Path>) files::iterator) {
                    Path relative = from.relativize(source);
                    // the running test server's state must not leak into the copy
                    String name = relative.toString();
                    if (relative.startsWith("data") || relative.startsWith("tmp") || relative.startsWith("log")
                            || name.endsWith(".deployed") || name.endsWith(".failed") || name.endsWith(".isdeploying")) {
                        continue;
                    }
                    Path target = to.resolve(relative.toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the server directory " + to, e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
