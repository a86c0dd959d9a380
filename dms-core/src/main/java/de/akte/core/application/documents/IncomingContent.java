package de.akte.core.application.documents;

import de.akte.core.document.ContentDescriptor;
import de.akte.core.document.FileName;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.storage.BlobStore;
import de.akte.core.storage.StoredBlob;
import de.akte.core.text.ContentTypeDetector;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * The bytes of an incoming file: their type is detected, and they are stored before any row names them. Refuses
 * empty files, executables and files over the size limit.
 */
public class IncomingContent {

    /** Executables are not records; everything else is accepted and processed as far as it goes. */
    private static final Set<String> REFUSED_TYPES = Set.of(
            "application/x-msdownload", "application/x-dosexec", "application/x-executable",
            "application/x-elf", "application/x-sharedlib", "application/x-mach-o-executable");

    private static final int DETECTION_MARK = 1 << 20;

    private final BlobStore blobs;
    private final ContentTypeDetector detector;
    private final UploadLimits limits;

    public IncomingContent(BlobStore blobs, ContentTypeDetector detector, UploadLimits limits) {
        this.blobs = blobs;
        this.detector = detector;
        this.limits = limits;
    }

    /** Detects the type and stores the bytes; returns what a version records of them. */
    public ContentDescriptor accept(InputStream content, FileName fileName) {
        BufferedInputStream in = new BufferedInputStream(content, 64 * 1024);
        String mediaType;
        try {
            in.mark(DETECTION_MARK);
            int first = in.read();
            if (first < 0) {
                throw new InvalidInputException("file", "the file is empty");
            }
            in.reset();
            mediaType = detector.detect(in, fileName.value());
            in.reset();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the upload", e);
        }
        if (REFUSED_TYPES.contains(mediaType)) {
            throw new UnacceptableContentException("files of type " + mediaType + " are not accepted as records");
        }
        StoredBlob stored = blobs.put(in, limits.maxBytes());
        return new ContentDescriptor(stored.id().sha256(), stored.size(), mediaType, fileName.value());
    }

    /** The file name as a version records it; a wrong one is the sender's mistake. */
    public static FileName fileName(String raw) {
        try {
            return new FileName(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("file", e.getMessage());
        }
    }
}
