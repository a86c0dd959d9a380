package de.akte.web.infrastructure;

import de.akte.core.storage.BlobStoreException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.file.FileSystemException;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutagesTest {

    @Test
    void aFullSpoolDiskAnswers507WithAReasonAndWhenToTryAgain() {
        Throwable failure = new UncheckedIOException("the upload was interrupted",
                new FileSystemException("/spool/undertow123.upload", null, "No space left on device"));
        Outages.Outage answer = Outages.of(failure).orElseThrow();
        assertEquals(507, answer.status());
        assertEquals(60, answer.retryAfterSeconds());
        assertTrue(answer.detail().contains("disk for incoming files is full"));
    }

    @Test
    void aFullDiskBehindTheBlobStoreIsStill507NotAStorageOutage() {
        Throwable failure = new BlobStoreException("cannot spool blob",
                new IOException("No space left on device"));
        assertEquals(507, Outages.of(failure).orElseThrow().status());
    }

    @Test
    void anUnreachableBlobStoreAnswers503() {
        Throwable failure = new RuntimeException(new BlobStoreException("put failed",
                new ConnectException("Failed to connect to /127.0.0.1:17700")));
        Outages.Outage answer = Outages.of(failure).orElseThrow();
        assertEquals(503, answer.status());
        assertTrue(answer.detail().contains("storage cannot be reached"));
    }

    @Test
    void aLostDatabaseConnectionAnswers503() {
        SQLException refused = new SQLException("Connection to 127.0.0.1:6133 refused", "08001");
        Outages.Outage answer = Outages.of(new IllegalStateException("IJ000453", refused)).orElseThrow();
        assertEquals(503, answer.status());
        assertTrue(answer.detail().contains("database cannot be reached"));
        SQLException shutdown = new SQLException("terminating connection due to administrator command", "57P01");
        assertEquals(503, Outages.of(shutdown).orElseThrow().status());
    }

    @Test
    void anUnreachableSearchIndexAnswers503() {
        Exception failure = new RuntimeException(new de.akte.core.search.SearchIndexUnavailableException(
                "cannot search the index: OpenSearch cannot be reached", new java.net.ConnectException("refused")));
        Outages.Outage answer = Outages.of(failure).orElseThrow();
        assertEquals(503, answer.status());
        assertEquals("search-unavailable", answer.slug());
    }

    @Test
    void aBugIsNoOutage() {
        assertTrue(Outages.of(new NullPointerException()).isEmpty());
        assertTrue(Outages.of(new SQLException("duplicate key", "23505")).isEmpty());
        assertTrue(Outages.of(new BlobStoreException("hash mismatch")).isEmpty());
    }
}
