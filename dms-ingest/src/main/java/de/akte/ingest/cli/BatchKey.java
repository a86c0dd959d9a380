package de.akte.ingest.cli;

import de.akte.ingest.imports.source.ContentHash;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The key that makes a re-run of the same command continue the same batch: {@code cli-} and the first 20 hex digits
 * of SHA-256 over the lower-cased host name, a colon and the normalised absolute source path.
 */
final class BatchKey {

    private BatchKey() {
    }

    static String derive(String hostname, Path source) {
        String identity = hostname.toLowerCase(Locale.ROOT) + ":" + normalised(source);
        return "cli-" + ContentHash.of(identity).substring(0, 20);
    }

    /** Real path where possible, so a folder reached through a link or with "./" in the path is still the same batch. */
    static String normalised(Path source) {
        try {
            return source.toRealPath().toString();
        } catch (IOException e) {
            return source.toAbsolutePath().normalize().toString();
        }
    }

    static String localHostname() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment == null || fromEnvironment.isBlank()) {
            fromEnvironment = System.getenv("COMPUTERNAME");
        }
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.trim();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
