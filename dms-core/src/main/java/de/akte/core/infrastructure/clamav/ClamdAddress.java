package de.akte.core.infrastructure.clamav;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;

/**
 * Where clamd listens: {@code unix:/run/clamav/clamd.ctl} (its LocalSocket) or {@code host:port} (its TCPSocket).
 *
 * @param text          the address as configured, for messages
 * @param family        UNIX for a socket file, else INET (the IP version is known once the host is resolved)
 * @param socketAddress the socket file, or the host (resolved at each connection) and port
 */
public record ClamdAddress(String text, StandardProtocolFamily family, SocketAddress socketAddress) {

    /** Debian's clamav-daemon listens here by default. */
    public static final String DEBIAN_DEFAULT = "unix:/run/clamav/clamd.ctl";

    /** Parses {@code unix:/path} or {@code host:port}. */
    public static ClamdAddress parse(String text) {
        String value = text == null ? "" : text.strip();
        if (value.startsWith("unix:")) {
            String path = value.substring("unix:".length());
            if (path.isBlank()) {
                throw new IllegalArgumentException("AKTE_CLAMD 'unix:' needs the socket's path, e.g. " + DEBIAN_DEFAULT);
            }
            return new ClamdAddress(value, StandardProtocolFamily.UNIX, UnixDomainSocketAddress.of(Path.of(path)));
        }
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new IllegalArgumentException("AKTE_CLAMD must be 'unix:/path/to/clamd.sock' or 'host:port', not '"
                    + value + "'");
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("AKTE_CLAMD port must be a number, not '" + value.substring(colon + 1)
                    + "'");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("AKTE_CLAMD port must be between 1 and 65535");
        }
        InetSocketAddress address = InetSocketAddress.createUnresolved(host, port);
        return new ClamdAddress(value, StandardProtocolFamily.INET, address);
    }

    @Override
    public String toString() {
        return text;
    }
}
