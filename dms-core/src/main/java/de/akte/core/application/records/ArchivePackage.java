package de.akte.core.application.records;

import java.io.IOException;
import java.io.OutputStream;

/** A 0503 package ready to stream: its file name and a writer of the ZIP bytes. */
public record ArchivePackage(String fileName, Writer writer) {

    /** Writes the ZIP to the stream (reads the primary files from storage while doing so). */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }
}
