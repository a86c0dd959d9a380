package de.akte.ingest.bulk;

import java.io.IOException;
import java.io.InputStream;

/** One file of a bulk import source: its path within the source (forward slashes) and a way to read it. */
public interface SourceFile {

    String relativePath();

    /** Opens the file's bytes; the caller closes the stream. */
    InputStream open() throws IOException;
}
