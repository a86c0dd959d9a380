package de.akte.web.infrastructure;

import de.akte.core.search.SearchIndexUnavailableException;
import de.akte.core.storage.BlobStoreException;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Failures that are the server's temporary trouble rather than a bug: a full spool disk (507), an unreachable
 * blob store or database (503). The caller learns that nothing was stored and when to try again.
 */
public final class Outages {

    private static final String DISK_FULL = "No space left on device";
    private static final String QUOTA_EXCEEDED = "Disk quota exceeded";

    private Outages() {
    }

    /**
     * An outage's answer: status, problem type (its last part), title, the reason for the caller, and how many
     * seconds the caller should wait before trying again.
     */
    public record Outage(int status, String slug, String title, String detail, int retryAfterSeconds) {
    }

    /** The outage somewhere in the cause chain, if the failure is one. */
    public static Optional<Outage> of(Throwable failure) {
        if (any(failure, t -> t instanceof IOException && t.getMessage() != null
                && (t.getMessage().contains(DISK_FULL) || t.getMessage().contains(QUOTA_EXCEEDED)))) {
            return Optional.of(answer(507, "insufficient-storage", "Insufficient storage",
                    "the server's disk for incoming files is full, so nothing was stored; try again later", 60));
        }
        if (any(failure, t -> t instanceof BlobStoreException) && any(failure, t -> t instanceof IOException)) {
            return Optional.of(answer(503, "storage-unavailable", "Storage unavailable",
                    "the document storage cannot be reached, so nothing was stored; try again later", 30));
        }
        if (any(failure, t -> t instanceof SearchIndexUnavailableException)) {
            return Optional.of(answer(503, "search-unavailable", "Search unavailable",
                    "the search index cannot be reached; try again later", 30));
        }
        if (any(failure, Outages::connectionLost)) {
            return Optional.of(answer(503, "database-unavailable", "Database unavailable",
                    "the database cannot be reached, so nothing was stored; try again later", 30));
        }
        return Optional.empty();
    }

    /**
     * SQL states of class 08 (connection exception) and 57P (the server shutting down, crashed or starting up):
     * the database went away, the statement was not wrong.
     */
    private static boolean connectionLost(Throwable t) {
        if (!(t instanceof SQLException sql)) {
            return false;
        }
        String state = sql.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    private static boolean any(Throwable failure, java.util.function.Predicate<Throwable> test) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 20; depth++) {
            if (test.test(t)) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getNextException() != null && test.test(sql.getNextException())) {
                return true;
            }
            t = t.getCause();
        }
        return false;
    }

    private static Outage answer(int status, String slug, String title, String detail, int retryAfterSeconds) {
        return new Outage(status, slug, title, detail, retryAfterSeconds);
    }
}
