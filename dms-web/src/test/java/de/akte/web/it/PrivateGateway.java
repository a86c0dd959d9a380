package de.akte.web.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A Ceph RADOS Gateway of the test's own, started by the project's {@code .ci/s3-up.sh} with its own data
 * directory and ports (monitor port included), so that stopping its gateway process disturbs no other test using
 * the shared one. Only the radosgw process is stopped and started; its monitor and OSD keep running between runs,
 * so later runs start in seconds.
 */
final class PrivateGateway {

    private final Path s3Up;
    private final Path dataDir;
    private final int httpPort;
    private final int httpsPort;
    private final int monitorPort;

    PrivateGateway(Path s3Up, Path dataDir, int httpPort, int httpsPort, int monitorPort) {
        this.s3Up = s3Up;
        this.dataDir = dataDir;
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
        this.monitorPort = monitorPort;
    }

    String endpoint() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** Bootstraps the cluster on first use (about half a minute), else starts what is not running. */
    void start() {
        FaultTools.run(List.of("bash", s3Up.toString()), Map.of("AKTE_S3_DATA_DIR", dataDir.toString(),
                "AKTE_S3_HTTP_PORT", Integer.toString(httpPort), "AKTE_S3_HTTPS_PORT", Integer.toString(httpsPort),
                "MONPORT", Integer.toString(monitorPort)), Duration.ofMinutes(6));
    }

    /** Kills the gateway process (SIGKILL): the S3 endpoint is gone, the cluster behind it stays. */
    void crash() {
        Path pidFile = dataDir.resolve("run/client.rgw.a.pid");
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            ProcessHandle.of(pid).ifPresent(p -> {
                p.destroyForcibly();
                p.onExit().join();
            });
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("no gateway pid in " + pidFile, e);
        }
        if (answers()) {
            throw new IllegalStateException("the gateway at " + endpoint() + " still answers after being killed");
        }
    }

    boolean answers() {
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(endpoint() + "/"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
