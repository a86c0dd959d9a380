package de.akte.ingest.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import de.akte.core.text.UnreadableContentException;

/** Opens scanned images and PDFs page by page, refusing decompression bombs before decoding them. */
public final class ScannedPageReader {

    private final ImageLimits limits;
    private final DecodedPageBudget budget;

    /** Pages are admitted against {@code budget}, which every reader of this JVM should share. */
    public ScannedPageReader(ImageLimits limits, DecodedPageBudget budget) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.budget = Objects.requireNonNull(budget, "budget");
    }

    /** A reader with a budget of its own, the default share of this JVM's heap; for tools and tests. */
    public ScannedPageReader(ImageLimits limits) {
        this(limits, DecodedPageBudget.ofHeap(Runtime.getRuntime().maxMemory()));
    }

    /**
     * Opens a file whose media type was detected by content: image/png, image/jpeg, image/tiff, JPEG 2000
     * (image/jp2, image/jpx, image/x-jp2-codestream), application/pdf. Each decoded page holds its share of the
     * budget until it is {@linkplain ScannedPage#release() released}; a page waits while others hold it.
     *
     * @throws UnreadableContentException                    if the file is empty, damaged, encrypted or has no pages
     * @throws de.akte.core.text.QuarantinedContentException if it is over the page or pixel limits; a
     *                                                       page over the whole budget is unreadable
     * @throws IllegalArgumentException                      for any other media type
     */
    public ScannedPages open(Path file, String mediaType) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(mediaType, "mediaType");
        String type = mediaType.toLowerCase(java.util.Locale.ROOT);
        if (!isSupported(type)) {
            throw new IllegalArgumentException("not a scanned image or PDF: " + mediaType);
        }
        try {
            if (Files.size(file) == 0) {
                throw new UnreadableContentException("The file is empty");
            }
        } catch (IOException e) {
            throw new UnreadableContentException("The file could not be read", e);
        }
        return type.equals("application/pdf") ? PdfPages.open(file, limits, budget)
                : ImageIoPages.open(file, type, limits, budget);
    }

    /** Whether {@link #open} accepts the media type. */
    public static boolean isSupported(String mediaType) {
        String type = mediaType.toLowerCase(java.util.Locale.ROOT);
        return switch (type) {
            case "image/png", "image/jpeg", "image/tiff", "application/pdf" -> true;
            default -> JpegTwoThousand.isOne(type);
        };
    }
}
