package de.akte.ingest.cli;

import java.net.URI;
import java.util.Objects;

/** Where the Akte server is and whose credentials the import runs under. */
public record ServerConnection(URI server, String user, String password) {

    public ServerConnection {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /** Leaves the password out, so a connection can be logged or shown in a failure message. */
    @Override
    public String toString() {
        return "ServerConnection[server=" + server + ", user=" + user + "]";
    }
}
