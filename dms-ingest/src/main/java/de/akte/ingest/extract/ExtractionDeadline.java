package de.akte.ingest.extract;

import org.apache.tika.sax.ContentHandlerDecorator;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The time one extraction may take, checked whenever the parser reads input or writes text. Java cannot stop a
 * thread from outside, but a parser that is merely slow on a pathological file reads and writes all the time and
 * stops at the next check, which keeps a worker from being blocked for good by one file.
 */
final class ExtractionDeadline {

    private final Duration limit;
    private final LongSupplier nanoTime;
    private final long deadline;
    private volatile boolean tripped;

    ExtractionDeadline(Duration limit, LongSupplier nanoTime) {
        this.limit = Objects.requireNonNull(limit, "limit");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.deadline = nanoTime.getAsLong() + limit.toNanos();
    }

    /** A deadline {@code limit} from now on the system's monotonic clock. */
    static ExtractionDeadline startingNow(Duration limit) {
        return new ExtractionDeadline(limit, System::nanoTime);
    }

    Duration limit() {
        return limit;
    }

    /** Whether a guard stopped the parser because the time was up. */
    boolean tripped() {
        return tripped;
    }

    private boolean passed() {
        return nanoTime.getAsLong() - deadline >= 0;
    }

    private String message() {
        return "the extraction took longer than " + limit.toSeconds() + " s";
    }

    /** The stream, refusing further reads once the time is up. */
    InputStream guard(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                check();
                return super.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                check();
                return super.read(b, off, len);
            }

            @Override
            public long skip(long n) throws IOException {
                check();
                return super.skip(n);
            }

            private void check() throws IOException {
                if (passed()) {
                    tripped = true;
                    throw new IOException(message());
                }
            }
        };
    }

    /** The handler, refusing further text once the time is up. */
    ContentHandler guard(ContentHandler handler) {
        return new ContentHandlerDecorator(handler) {
            @Override
            public void startElement(String uri, String localName, String name, Attributes atts) throws SAXException {
                check();
                super.startElement(uri, localName, name, atts);
            }

            @Override
            public void characters(char[] ch, int start, int length) throws SAXException {
                check();
                super.characters(ch, start, length);
            }

            private void check() throws SAXException {
                if (passed()) {
                    tripped = true;
                    throw new SAXException(message());
                }
            }
        };
    }
}
