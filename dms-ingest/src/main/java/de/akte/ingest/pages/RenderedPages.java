package de.akte.ingest.pages;

import de.akte.core.recognition.PageImages;
import de.akte.core.text.UnreadableContentException;
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
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Renders pages with PDFBox (which applies a page's {@code /Rotate}, so scans come out upright) or ImageIO, and
 * keeps every rendered page as a PNG in a cache directory named by content hash, page and width: content is
 * immutable, so a kept page never goes stale.
 */
public final class RenderedPages implements PageImages {

    private final Path cache;
    private final ScannedPageReader images = new ScannedPageReader(ImageLimits.defaults());

    public RenderedPages(Path cache) {
        this.cache = Objects.requireNonNull(cache, "cache");
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
                png = png(scaled("application/pdf".equals(mediaType) ? pdfPage(local, pageIndex, width)
                        : imagePage(local, mediaType, pageIndex), width));
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

    private static BufferedImage pdfPage(Path pdf, int pageIndex, int width) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
            if (pageIndex >= document.getNumberOfPages()) {
                throw new IllegalArgumentException("the document has no page " + (pageIndex + 1));
            }
            PDPage page = document.getPage(pageIndex);
            boolean sideways = page.getRotation() % 180 != 0;
            float points = sideways ? page.getCropBox().getHeight() : page.getCropBox().getWidth();
            // render near the wanted width, then scale exactly: the renderer takes a resolution, not a size
            float dpi = Math.max(18, width / (points / 72f));
            return new PDFRenderer(document).renderImageWithDPI(pageIndex, dpi, ImageType.RGB);
        } catch (org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException e) {
            throw new UnreadableContentException("The PDF is password-protected", e);
        }
    }

    private BufferedImage imagePage(Path file, String mediaType, int pageIndex) {
        try (ScannedPages pages = images.open(file, mediaType)) {
            if (pageIndex >= pages.count()) {
                throw new IllegalArgumentException("the document has no page " + (pageIndex + 1));
            }
            ScannedPage page = pages.page(pageIndex);
            return page.image();
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
