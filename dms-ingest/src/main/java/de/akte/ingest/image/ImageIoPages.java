package de.akte.ingest.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;

import de.akte.core.text.QuarantinedContentException;
import de.akte.core.text.UnreadableContentException;

/**
 * PNG, JPEG, (multi-page) TIFF and JPEG 2000 (JP2 files and bare codestreams) through {@code javax.imageio}.
 *
 * <p>Every page's width and height are read from its header when the file is opened, before any pixel is decoded,
 * so that a file claiming gigapixels is refused in milliseconds instead of exhausting the heap.
 *
 * <p>A truncated JPEG is decoded as far as it goes (the JPEG reader only warns); PNG and TIFF fail.
 */
final class ImageIoPages implements ScannedPages {

    private final ImageInputStream input;
    private final ImageReader reader;
    private final int count;
    private final DecodedPageBudget budget;

    private ImageIoPages(ImageInputStream input, ImageReader reader, int count, DecodedPageBudget budget) {
        this.input = input;
        this.reader = reader;
        this.count = count;
        this.budget = budget;
    }

    static ImageIoPages open(Path file, String mediaType, ImageLimits limits, DecodedPageBudget budget) {
        ImageReader reader = readerFor(mediaType);
        ImageInputStream input = null;
        try {
            input = ImageIO.createImageInputStream(file.toFile());
            if (input == null) {
                throw new UnreadableContentException("The file could not be read");
            }
            reader.setInput(input, false, false);
            int count = mediaType.equals("image/tiff") ? countTiffPages(reader, limits) : 1;
            if (count == 0) {
                throw new UnreadableContentException("The file has no pages");
            }
            for (int i = 0; i < count; i++) {
                limits.checkPixels(reader.getWidth(i), reader.getHeight(i));
            }
            return new ImageIoPages(input, reader, count, budget);
        } catch (IOException | RuntimeException e) {
            reader.dispose();
            closeQuietly(input);
            throw translated(e);
        }
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public ScannedPage page(int index) {
        Objects.checkIndex(index, count);
        DecodedPageBudget.Admission memory = admit(index);
        try {
            BufferedImage decoded = reader.read(index, reader.getDefaultReadParam());
            float[] dpi = Resolution.of(metadata(index));
            BufferedImage gray = Grayscale.of(decoded);
            memory.shrinkTo(DecodedPageBudget.estimate(gray.getWidth(), gray.getHeight(),
                    DecodedPageBudget.RETAINED_BYTES_PER_PIXEL));
            return new ScannedPage(index, gray, dpi[0], dpi[1], Optional.empty(), false, memory);
        } catch (IOException | RuntimeException e) {
            memory.close();
            throw translated(e);
        } catch (Error e) {
            memory.close();
            throw e;
        }
    }

    /** The decoded samples as the decoder lays them out, and the gray page (or the room for deskew's copy). */
    private DecodedPageBudget.Admission admit(int index) {
        long width;
        long height;
        double samples;
        try {
            width = reader.getWidth(index);
            height = reader.getHeight(index);
            samples = sampleBytesPerPixel(index);
        } catch (IOException | RuntimeException e) {
            throw translated(e);
        }
        String what = String.format(Locale.ROOT, "Page %d of the image (%d × %d pixels)", index + 1, width, height);
        return budget.admit(DecodedPageBudget.estimate(width, height,
                samples + Math.max(1, DecodedPageBudget.RETAINED_BYTES_PER_PIXEL - 1)), what);
    }

    // a decoder that cannot say is assumed to give 4 bytes a pixel, as an ARGB image would
    private double sampleBytesPerPixel(int index) throws IOException {
        ImageTypeSpecifier type = reader.getRawImageType(index);
        if (type == null) {
            return 4;
        }
        int bits = 0;
        for (int size : type.getSampleModel().getSampleSize()) {
            bits += size;
        }
        return bits <= 0 ? 4 : Math.max(1, bits / 8.0);
    }

    @Override
    public void close() {
        reader.dispose();
        closeQuietly(input);
    }

    private IIOMetadata metadata(int index) {
        try {
            return reader.getImageMetadata(index);
        } catch (IOException | RuntimeException e) {
            // metadata only gives the resolution; a page whose pixels decode is worth more than a guessed 300 dpi
            return null;
        }
    }

    private static ImageReader readerFor(String mediaType) {
        // the JPEG 2000 reader knows JP2's MIME type but not the codestream's or JPX's: one reader reads them all
        Iterator<ImageReader> readers = JpegTwoThousand.isOne(mediaType)
                ? ImageIO.getImageReadersByFormatName(JpegTwoThousand.FORMAT)
                : ImageIO.getImageReadersByMIMEType(mediaType);
        if (!readers.hasNext()) {
            throw new UnreadableContentException("This server has no decoder for images of type " + mediaType
                    + "; an administrator can retry the document once one is installed");
        }
        return readers.next();
    }

    /** Counts pages one header at a time, stopping past the limit: a crafted file may chain millions. */
    private static int countTiffPages(ImageReader reader, ImageLimits limits) throws IOException {
        int count = 0;
        while (count <= limits.maxPages()) {
            try {
                reader.getWidth(count);
            } catch (IndexOutOfBoundsException end) {
                return count;
            }
            count++;
        }
        limits.checkPages(count);
        return count;
    }

    private static RuntimeException translated(Exception e) {
        if (e instanceof UnreadableContentException || e instanceof QuarantinedContentException) {
            return (RuntimeException) e;
        }
        // decoders also throw unchecked exceptions on malformed data, e.g. ArrayIndexOutOfBounds in a TIFF strip
        return new UnreadableContentException("The image is damaged or incomplete and cannot be read", e);
    }

    private static void closeQuietly(ImageInputStream input) {
        if (input != null) {
            try {
                input.close();
            } catch (IOException ignored) {
                // nothing was written; the file stays as it was
            }
        }
    }
}
