package de.akte.ingest.pages;

import de.akte.core.recognition.PageImages;
import de.akte.core.text.UnreadableContentException;
import de.akte.ingest.image.DecodedPageBudget;
import de.akte.ingest.image.ImageLimits;
import de.akte.ingest.image.ScannedPage;
import de.akte.ingest.image.ScannedPageReader;
import de.akte.ingest.image.ScannedPages;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
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
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Renders pages with PDFBox (which applies a page's {@code /Rotate}, so scans come out upright) or ImageIO, and
 * keeps every rendered page as a PNG in a cache directory named by content hash, page and width: content is
 * immutable, so a kept page never goes stale.
 */
public final class RenderedPages implements PageImages {

    /** A rendered RGB page, and the same again for what PDFBox draws transparency groups into. */
    private static final double RENDER_BYTES_PER_PIXEL = 8;
    /** The page scaled to the wanted width, as RGB. */
    private static final double SCALED_BYTES_PER_PIXEL = 4;

    private final Path cache;
    private final DecodedPageBudget budget;
    private final ScannedPageReader images;

    /** Pages are rendered once {@code budget}, shared with recognition, admits them. */
    public RenderedPages(Path cache, DecodedPageBudget budget) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.images = new ScannedPageReader(ImageLimits.defaults(), budget);
    }

    @Override
    public byte[] render(String sha256, Supplier<Path> source, String mediaType, int pageIndex, int width) {
        Path kept = keptPage(cache, sha256, pageIndex, width);
        try {
            if (Files.exists(kept)) {
                return Files.readAllBytes(kept);
            }
            Path local = source.get();
            byte[] png;
            try {
                png = "application/pdf".equals(mediaType) ? pdfPage(local, pageIndex, width)
                        : imagePage(local, mediaType, pageIndex, width);
            } finally {
                Files.deleteIfExists(local);
            }
            Files.createDirectories(kept.getParent());
            Path temporary = Files.createTempFile(kept.getParent(), "page-", ".tmp");
            Files.write(temporary, png);
            Files.move(temporary, kept, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException("could not render page " + (pageIndex + 1), e);
        }
    }

    /** Where a rendered page of the given content, page (0-based) and width is kept in a cache directory. */
    public static Path keptPage(Path cache, String sha256, int pageIndex, int width) {
        return cache.resolve(sha256.substring(0, 2)).resolve(sha256 + "-" + pageIndex + "-" + width + ".png");
    }

    @Override
    public void forget(String sha256) {
        Path folder = cache.resolve(sha256.substring(0, 2));
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (var kept = Files.newDirectoryStream(folder, sha256 + "-*.png")) {
            for (Path page : kept) {
                Files.deleteIfExists(page);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the kept pages of " + sha256, e);
        }
    }

    private byte[] pdfPage(Path pdf, int pageIndex, int width) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
            if (pageIndex >= document.getNumberOfPages()) {
                throw new IllegalArgumentException("the document has no page " + (pageIndex + 1));
            }
            PDPage page = document.getPage(pageIndex);
            boolean sideways = page.getRotation() % 180 != 0;
            float points = sideways ? page.getCropBox().getHeight() : page.getCropBox().getWidth();
            // render near the wanted width, then scale exactly: the renderer takes a resolution, not a size
            float dpi = Math.max(18, width / (points / 72f));
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

    private byte[] imagePage(Path file, String mediaType, int pageIndex, int width) throws IOException {
        try (ScannedPages pages = images.open(file, mediaType)) {
            if (pageIndex >= pages.count()) {
                throw new IllegalArgumentException("the document has no page " + (pageIndex + 1));
            }
            ScannedPage page = pages.page(pageIndex);
            try {
                // the scaled copy is small beside the page: a viewer asks for screen widths
                return png(scaled(page.image(), width));
            } finally {
                page.release();
            }
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
