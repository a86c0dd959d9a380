package de.akte.ingest.pages;

import de.akte.core.recognition.PageImages;
import de.akte.core.recognition.PageTooLargeException;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.text.QuarantinedContentException;
import de.akte.core.text.UnreadableContentException;
import de.akte.ingest.image.DecodedPageBudget;
import de.akte.ingest.image.ImageLimits;
import de.akte.ingest.image.ScannedPage;
import de.akte.ingest.image.ScannedPageReader;
import de.akte.ingest.image.ScannedPages;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Renders pages with PDFBox (which applies a page's {@code /Rotate}, so scans come out upright) or ImageIO, within
 * the decoded page budget, and keeps rendered pages as PNGs in a cache directory named by content hash, page and width: content is immutable,
 * so a kept page never goes stale. Requested widths are rounded up to a few fixed ones and pixels are capped
 * before any is allocated, so neither a giant request nor a sweep over every width can exhaust heap or disk.
 */
public final class RenderedPages implements PageImages {

    private static final Logger LOG = Logger.getLogger(RenderedPages.class.getName());
    /** A rendered RGB page, and the same again for what PDFBox draws transparency groups into. */
    private static final double RENDER_BYTES_PER_PIXEL = 8;
    /** The page scaled to the wanted width, as RGB. */
    private static final double SCALED_BYTES_PER_PIXEL = 4;

    private final PageRenderLimits limits;
    private final PageCache cache;
    private final DecodedPageBudget budget;
    private final ScannedPageReader images;

    /** Pages are rendered once {@code budget}, shared with recognition, admits them; default pixel limits. */
    public RenderedPages(Path cache, DecodedPageBudget budget) {
        this(cache, budget, PageRenderLimits.defaults());
    }

    public RenderedPages(Path cache, DecodedPageBudget budget, PageRenderLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.cache = new PageCache(Objects.requireNonNull(cache, "cache"), limits.cacheBytes());
        this.budget = Objects.requireNonNull(budget, "budget");
        this.images = new ScannedPageReader(ImageLimits.defaults().withMaxPixelsPerPage(limits.maxSourcePixels()),
                budget);
    }

    /**
     * {@inheritDoc}
     *
     * @throws InvalidInputException when the width is wider than the widest served
     * @throws PageTooLargeException when the page would need more pixels than the limits allow
     */
    @Override
    public byte[] render(String sha256, Supplier<Path> source, String mediaType, int pageIndex, int width) {
        int served = limits.served(width);
        String folder = sha256.substring(0, 2);
        String name = keptPage(Path.of(""), sha256, pageIndex, served).getFileName().toString();
        return cache.get(folder, name).orElseGet(() -> {
            Path local = source.get();
            try {
                byte[] png = "application/pdf".equals(mediaType) ? pdfPage(local, pageIndex, served)
                        : imagePage(local, mediaType, pageIndex, served);
                cache.put(folder, name, png);
                return png;
            } catch (IOException e) {
                throw new UncheckedIOException("could not render page " + (pageIndex + 1), e);
            } finally {
                try {
                    Files.deleteIfExists(local);
                } catch (IOException e) {
                    LOG.log(Level.FINE, "could not remove the temporary copy " + local, e);
                }
            }
        });
    }

    /** The bytes the kept pages take now. */
    public long cachedBytes() {
        return cache.bytes();
    }

    /** Where a rendered page of the given content, page (0-based) and served width is kept in a cache directory. */
    public static Path keptPage(Path cache, String sha256, int pageIndex, int width) {
        return cache.resolve(sha256.substring(0, 2)).resolve(sha256 + "-" + pageIndex + "-" + width + ".png");
    }

    @Override
    public void forget(String sha256) {
        cache.removeAll(sha256.substring(0, 2), sha256 + "-");
    }

    private byte[] pdfPage(Path pdf, int pageIndex, int width) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
            if (pageIndex >= document.getNumberOfPages()) {
                throw new IllegalArgumentException("the document has no page " + (pageIndex + 1));
            }
            PDPage page = document.getPage(pageIndex);
            boolean sideways = page.getRotation() % 180 != 0;
            float across = sideways ? page.getCropBox().getHeight() : page.getCropBox().getWidth();
            float down = sideways ? page.getCropBox().getWidth() : page.getCropBox().getHeight();
            if (across <= 0 || down <= 0) {
                throw new UnreadableContentException("Page " + (pageIndex + 1) + " of the PDF has no area");
            }
            checkProduced(pageIndex, width, Math.round(down * width / across));
            // render near the wanted width, then scale exactly: the renderer takes a resolution, not a size
            float dpi = Math.max(18, width / (across / 72f));
            checkSource(pageIndex, (long) Math.ceil(across * dpi / 72f), (long) Math.ceil(down * dpi / 72f),
                    "drawn at " + Math.round(dpi) + " dpi");
            checkEmbeddedImages(pageIndex, page.getResources());
            long pixelsWide = (long) Math.ceil(page.getCropBox().getWidth() / 72f * dpi);
            long pixelsHigh = (long) Math.ceil(page.getCropBox().getHeight() / 72f * dpi);
            long scaledHigh = (long) Math.ceil((double) width * (sideways ? pixelsWide : pixelsHigh)
                    / Math.max(1, sideways ? pixelsHigh : pixelsWide));
            long bytes = DecodedPageBudget.estimate(pixelsWide, pixelsHigh, RENDER_BYTES_PER_PIXEL)
                    + DecodedPageBudget.estimate(width, scaledHigh, SCALED_BYTES_PER_PIXEL);
            try (DecodedPageBudget.Admission memory = budget.admit(bytes, String.format(Locale.ROOT,
                    "Page %d of the PDF (%d × %d pixels)", pageIndex + 1, pixelsWide, pixelsHigh))) {
                return png(scaled(new PDFRenderer(document).renderImageWithDPI(pageIndex, dpi, ImageType.RGB), width));
            }
        } catch (org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException e) {
            throw new UnreadableContentException("The PDF is password-protected", e);
        }
    }

    /** PDFBox decodes every image of the page at full size before scaling it down: check the sizes they claim. */
    private void checkEmbeddedImages(int pageIndex, PDResources resources) throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getXObjectNames()) {
            if (resources.isImageXObject(name) && resources.getXObject(name) instanceof PDImageXObject image) {
                checkSource(pageIndex, image.getWidth(), image.getHeight(), "an image on it");
            }
        }
    }

    private void checkSource(int pageIndex, long width, long height, String what) {
        if (width * height > limits.maxSourcePixels()) {
            throw new PageTooLargeException(String.format(Locale.ROOT, "Page %d would need %d × %d pixels decoded "
                    + "(%s), more than the limit of %d megapixels", pageIndex + 1, width, height, what,
                    limits.maxSourcePixels() / 1_000_000));
        }
    }

    private void checkProduced(int pageIndex, int width, long height) {
        if ((long) width * height > limits.maxProducedPixels()) {
            long fitting = (long) Math.sqrt((double) limits.maxProducedPixels() * width / Math.max(1, height));
            int smaller = limits.widths().stream().filter(w -> w <= fitting).reduce((a, b) -> b).orElse(0);
            throw new PageTooLargeException(String.format(Locale.ROOT, "Page %d at width %d would be %d × %d pixels, "
                    + "more than the limit of %d megapixels per image; %s", pageIndex + 1, width, width, height,
                    limits.maxProducedPixels() / 1_000_000, smaller > 0 ? "ask for a width of at most " + smaller
                            : "the page is too long to be shown as one image"));
        }
    }

    private byte[] imagePage(Path file, String mediaType, int pageIndex, int width) throws IOException {
        try (ScannedPages pages = images.open(file, mediaType)) {
            if (pageIndex >= pages.count()) {
                throw new IllegalArgumentException("the document has no page " + (pageIndex + 1));
            }
            // decoding is bounded by the reader's pixel limit, checked against the header first
            ScannedPage page = pages.page(pageIndex);
            try {
                BufferedImage image = page.image();
                checkProduced(pageIndex, width, Math.max(1, Math.round((float) image.getHeight() * width
                        / image.getWidth())));
                // the scaled copy is small beside the page: a viewer asks for screen widths
                return png(scaled(image, width));
            } finally {
                page.release();
            }
        } catch (QuarantinedContentException e) {
            throw new PageTooLargeException("Page " + (pageIndex + 1) + ": " + e.getMessage());
        }
    }

    private static BufferedImage scaled(BufferedImage image, int width) {
        if (image.getWidth() == width) {
            return image;
        }
        int height = Math.max(1, Math.round((float) image.getHeight() * width / image.getWidth()));
        BufferedImage scaled = new BufferedImage(width, height, image.getType() == BufferedImage.TYPE_BYTE_GRAY
                ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return scaled;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
