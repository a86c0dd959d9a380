package de.akte.core.application.processing;

import de.akte.core.storage.BlobId;
import de.akte.core.storage.BlobStore;
import de.akte.core.storage.StoredBlob;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Files on the worker's disk: recognisers read files (Tesseract, PDFBox need random access) while the blob may
 * live in S3, and what they produce (renditions, a batch's parts) is stored as blobs.
 */
public class LocalCopies {

    private static final Logger LOG = Logger.getLogger(LocalCopies.class.getName());

    private final BlobStore blobs;

    public LocalCopies(BlobStore blobs) {
        this.blobs = blobs;
    }

    /** A temporary copy of the blob; the caller deletes it ({@link #delete}). */
    Path copyOf(String sha256) throws IOException {
        Path local = Files.createTempFile("akte-original-", ".bin");
        try (InputStream in = blobs.open(new BlobId(sha256))) {
            Files.copy(in, local, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            delete(local);
            throw e;
        }
        return local;
    }

    /** Stores a file a recogniser produced. */
    StoredBlob store(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return blobs.put(in, Long.MAX_VALUE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the produced file " + file, e);
        }
    }

    static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "could not delete temporary file " + file, e);
            }
        }
    }
}
