package de.akte.ingest.extract;

import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExtractionDeadlineTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final ExtractionDeadline deadline = new ExtractionDeadline(Duration.ofNanos(500), now::get);

    @Test
    void letsTheParserReadAndWriteWhileThereIsTime() throws IOException, SAXException {
        InputStream in = deadline.guard(new ByteArrayInputStream(new byte[] {1, 2, 3}));
        assertEquals(1, in.read());
        deadline.guard(new DefaultHandler()).characters("Bescheid".toCharArray(), 0, 8);

        assertFalse(deadline.tripped());
    }

    @Test
    void refusesReadsOnceTheTimeIsUp() throws IOException {
        InputStream in = deadline.guard(new ByteArrayInputStream(new byte[] {1, 2, 3}));
        in.read();
        now.addAndGet(500);

        assertThrows(IOException.class, () -> in.read(new byte[2], 0, 2));
        assertTrue(deadline.tripped());
    }

    @Test
    void refusesTextOnceTheTimeIsUp() {
        var handler = deadline.guard(new DefaultHandler());
        now.addAndGet(10_000);

        assertThrows(SAXException.class, () -> handler.characters("x".toCharArray(), 0, 1));
        assertTrue(deadline.tripped());
    }
}
