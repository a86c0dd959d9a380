package de.akte.core.application.documents;

import de.akte.core.security.Access;
import de.akte.core.audit.AuditAction;
import de.akte.core.audit.ReadAudit;
import de.akte.core.document.Document;
import de.akte.core.document.DocumentRepository;
import de.akte.core.document.DocumentVersion;
import de.akte.core.recognition.PageImages;
import de.akte.core.security.Caller;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.shared.NotFoundException;
import de.akte.core.shared.UnitOfWork;
import de.akte.core.storage.BlobId;
import de.akte.core.storage.BlobStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;

/**
 * Page images of a document's current version for viewers and thumbnails: the archival rendition where there is
 * one (scans, shown upright), else the original PDF or image. Every image served is a read of the record and is
 * audited like a download: once per user and document within the read window, as a viewer asks for many.
 */
public class PageImageService {

    private static final Set<String> RENDERABLE = Set.of("application/pdf", "image/png", "image/jpeg", "image/tiff",
            "image/jp2", "image/jpx", "image/x-jp2-codestream");

    private final UnitOfWork unitOfWork;
    private final DocumentRepository documents;
    private final BlobStore blobs;
    private final PageImages pageImages;
    private final ReadAudit audit;

    public PageImageService(UnitOfWork unitOfWork, DocumentRepository documents, BlobStore blobs, PageImages pageImages,
                            ReadAudit audit) {
        this.unitOfWork = unitOfWork;
        this.documents = documents;
        this.blobs = blobs;
        this.pageImages = pageImages;
        this.audit = audit;
    }

    private record Source(String sha256, String mediaType) {
    }

    /**
     * Page {@code page} (1-based) of the current version as a PNG at least {@code width} pixels wide (rounded up to
     * a served width).
     *
     * @throws de.akte.core.recognition.PageTooLargeException when the image would exceed the pixel limits
     */
    public byte[] pageImage(Caller caller, long documentId, int page, int width) {
        if (width < 1) {
            // the upper bound, and the rounding to served widths, belong to the renderer's limits
            throw new InvalidInputException("width", "width must be a positive number of pixels");
        }
        Source source = unitOfWork.call(() -> {
            Document document = Access.visible(caller, documents.find(documentId)
                    .orElseThrow(() -> new NotFoundException("no document " + documentId)), documentId);
            DocumentVersion version = document.current();
            Access.requireReadable(caller, document, version, false);
            int pages = version.pageCount().orElse(0);
            if (page < 1 || page > pages) {
                throw new NotFoundException("document " + documentId + " has no page " + page
                        + (pages == 0 ? " (not processed yet)" : " (it has " + pages + ")"));
            }
            Source found = version.renditionSha256().map(sha -> new Source(sha, "application/pdf"))
                    .orElseGet(() -> RENDERABLE.contains(version.mediaType())
                            ? new Source(version.sha256(), version.mediaType()) : null);
            if (found == null) {
                throw new NotFoundException("no page images for files of type " + version.mediaType());
            }
            audit.record(caller.username(), AuditAction.READ_CONTENT, "document", Long.toString(documentId),
                    "page images", "version=" + version.number() + "; page " + page + " image");
            return found;
        });
        try {
            return pageImages.render(source.sha256(), () -> localCopy(source.sha256()), source.mediaType(), page - 1,
                    width);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(e.getMessage());
        }
    }

    private Path localCopy(String sha256) {
        try {
            Path local = Files.createTempFile("akte-page-source-", ".bin");
            try (InputStream in = blobs.open(new BlobId(sha256))) {
                Files.copy(in, local, StandardCopyOption.REPLACE_EXISTING);
            }
            return local;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the stored content", e);
        }
    }
}
