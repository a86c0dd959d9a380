package de.akte.ingest.image;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javax.imageio.ImageIO;
import java.util.Optional;

import de.akte.core.text.QuarantinedContentException;
import de.akte.core.text.UnreadableContentException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.filter.MissingImageReaderException;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * PDF pages through PDFBox: a page with a real text layer gives its text and no image; a scanned page gives its
 * single full-page image decoded directly, else the page rendered in gray.
 *
 * <p>Images are upright as the page is displayed: a rendered page is turned by the renderer, which applies
 * {@code /Rotate}; a directly decoded image is turned here by the same quarter turns.
 */
final class PdfPages implements ScannedPages {

    /** Fewer non-blank characters than this is a page number or a stamp on a scan, not a text layer. */
    static final int MIN_TEXT_CHARACTERS = 20;
    private static final float POINTS_PER_INCH = 72f;
    /** Rendering: the gray page, plus ARGB buffers PDFBox may draw transparency groups into. */
    private static final double RENDER_BYTES_PER_PIXEL = 5;

    private final PDDocument document;
    private final ImageLimits limits;
    private final DecodedPageBudget budget;
    private final PDFRenderer renderer;
    private final PDFTextStripper stripper;

    private PdfPages(PDDocument document, ImageLimits limits, DecodedPageBudget budget) {
        this.document = document;
        this.limits = limits;
        this.budget = budget;
        this.renderer = new PDFRenderer(document);
        this.stripper = new PDFTextStripper();
    }

    static PdfPages open(Path file, ImageLimits limits, DecodedPageBudget budget) {
        PDDocument document;
        try {
            // temp files, not heap, hold the decoded streams: a 5000-page scan must not need gigabytes of memory
            document = Loader.loadPDF(file.toFile(), "", IOUtils.createTempFileOnlyStreamCache());
        } catch (InvalidPasswordException e) {
            throw new UnreadableContentException("The PDF is encrypted with a password and cannot be opened", e);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableContentException("The PDF is damaged or incomplete and cannot be read", e);
        }
        try {
            if (document.isEncrypted() && !document.getCurrentAccessPermission().canExtractContent()) {
                throw new UnreadableContentException(
                        "The PDF is encrypted and its permissions forbid extracting its content");
            }
            int pages = document.getNumberOfPages();
            if (pages == 0) {
                throw new UnreadableContentException("The file has no pages");
            }
            limits.checkPages(pages);
            return new PdfPages(document, limits, budget);
        } catch (RuntimeException e) {
            closeQuietly(document);
            throw e;
        }
    }

    @Override
    public int count() {
        return document.getNumberOfPages();
    }

    @Override
    public ScannedPage page(int index) {
        Objects.checkIndex(index, count());
        try {
            PDPage page = document.getPage(index);
            String text = text(index);
            if (nonBlankCharacters(text) >= MIN_TEXT_CHARACTERS) {
                return new ScannedPage(index, null, limits.renderDpi(), limits.renderDpi(),
                        Optional.of(text.strip()), false);
            }
            Optional<FullPageImageFinder.Placement> placement = FullPageImageFinder.find(page);
            return placement.isPresent() ? decoded(index, page, placement.get()) : rendered(index, page);
        } catch (QuarantinedContentException | UnreadableContentException e) {
            throw e;
        } catch (MissingImageReaderException e) {
            // not the file's fault: say so, so that an administrator retries it once the decoder is there
            throw new UnreadableContentException("Page " + (index + 1) + " of the PDF holds an image this server "
                    + "has no decoder for (" + e.getMessage() + "); an administrator can retry the document once one "
                    + "is installed", e);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableContentException(
                    "Page " + (index + 1) + " of the PDF is damaged and cannot be read", e);
        }
    }

    @Override
    public void close() {
        closeQuietly(document);
    }

    private String text(int index) throws IOException {
        stripper.setStartPage(index + 1);
        stripper.setEndPage(index + 1);
        return stripper.getText(document);
    }

    private ScannedPage decoded(int index, PDPage page, FullPageImageFinder.Placement placement) throws IOException {
        PDImageXObject xobject = placement.image();
        // the dictionary's size, checked before a single sample is inflated
        limits.checkPixels(xobject.getWidth(), xobject.getHeight());
        requireDecoder(index, xobject);
        int turns = Math.floorMod(page.getRotation(), 360) / 90;
        DecodedPageBudget.Admission memory = budget.admit(DecodedPageBudget.estimate(xobject.getWidth(),
                xobject.getHeight(), decodingBytesPerPixel(xobject) + (turns == 0 ? 0 : 1)), pageName(index, xobject));
        try {
            BufferedImage image = samples(xobject);
            float dpiX = dpi(image.getWidth(), placement.bounds().getWidth());
            float dpiY = dpi(image.getHeight(), placement.bounds().getHeight());
            BufferedImage upright = QuarterTurns.clockwise(image, turns);
            boolean swapped = turns % 2 == 1;
            memory.shrinkTo(retained(upright));
            return new ScannedPage(index, upright, swapped ? dpiY : dpiX, swapped ? dpiX : dpiY, Optional.empty(),
                    false, memory);
        } catch (IOException | RuntimeException | Error e) {
            memory.close();
            throw e;
        }
    }

    /**
     * The decoded stream, the raster PDFBox fills from it, the RGB image {@code getImage()} converts to and the
     * gray page; 8-bit gray skips the RGB step.
     */
    private static double decodingBytesPerPixel(PDImageXObject xobject) {
        int components;
        try {
            components = xobject.getColorSpace().getNumberOfComponents();
        } catch (IOException | RuntimeException e) {
            components = 4;
        }
        double samples = components * Math.max(1, xobject.getBitsPerComponent()) / 8.0;
        boolean direct = xobject.getBitsPerComponent() == 8 && components == 1;
        return Math.max(DecodedPageBudget.RETAINED_BYTES_PER_PIXEL, 2 * samples + (direct ? 0 : 4) + 1);
    }

    private static long retained(BufferedImage image) {
        return DecodedPageBudget.estimate(image.getWidth(), image.getHeight(),
                DecodedPageBudget.RETAINED_BYTES_PER_PIXEL);
    }

    private static String pageName(int index, long width, long height) {
        return String.format(java.util.Locale.ROOT, "Page %d of the PDF (%d × %d pixels)", index + 1, width, height);
    }

    private static String pageName(int index, PDImageXObject xobject) {
        return pageName(index, xobject.getWidth(), xobject.getHeight());
    }

    /**
     * JPEG 2000 and JBIG2 need an ImageIO plug-in; without it PDFBox fails with words like "could not determine
     * color space", which would blame the file for what the server lacks.
     */
    private static void requireDecoder(int index, PDImageXObject xobject) {
        List<COSName> filters = xobject.getStream().getFilters();
        String format = filters.contains(COSName.JPX_DECODE) ? JpegTwoThousand.FORMAT
                : filters.contains(COSName.JBIG2_DECODE) ? "JBIG2" : null;
        if (format != null && !ImageIO.getImageReadersByFormatName(format).hasNext()) {
            throw new UnreadableContentException("Page " + (index + 1) + " of the PDF holds an image this server "
                    + "has no decoder for (" + format + "); an administrator can retry the document once one is "
                    + "installed");
        }
    }

    /**
     * The image's pixels in gray. 8-bit DeviceGray, what scanners write, is copied from the raw samples: exact, and
     * about ten times faster than {@code getImage()}, which converts through RGB.
     */
    private static BufferedImage samples(PDImageXObject xobject) throws IOException {
        if (xobject.getBitsPerComponent() == 8 && xobject.getDecode() == null
                && xobject.getColorSpace() instanceof PDDeviceGray) {
            WritableRaster raw = xobject.getRawRaster();
            if (raw.getNumBands() == 1) {
                BufferedImage gray = new BufferedImage(raw.getWidth(), raw.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
                gray.getRaster().setRect(raw);
                return gray;
            }
        }
        return Grayscale.of(xobject.getImage());
    }

    private ScannedPage rendered(int index, PDPage page) throws IOException {
        PDRectangle crop = page.getCropBox();
        double widthInches = crop.getWidth() / POINTS_PER_INCH;
        double heightInches = crop.getHeight() / POINTS_PER_INCH;
        // our own rendering, not a claim of the file: a page too big for the limit is rendered coarser, not refused
        // likewise a page that would not fit the whole budget at full resolution
        // (a little under it: the rendered size is rounded up)
        double maxPixels = Math.min(limits.maxPixelsPerPage(), 0.98 * budget.bytes() / RENDER_BYTES_PER_PIXEL);
        double fitting = Math.sqrt(maxPixels / Math.max(1e-6, widthInches * heightInches));
        float dpi = (float) Math.min(limits.renderDpi(), Math.floor(fitting));
        if (dpi < 1) {
            throw new QuarantinedContentException("The PDF page is too large to be shown");
        }
        long width = (long) Math.ceil(widthInches * dpi);
        long height = (long) Math.ceil(heightInches * dpi);
        DecodedPageBudget.Admission memory = budget.admit(
                DecodedPageBudget.estimate(width, height, RENDER_BYTES_PER_PIXEL), pageName(index, width, height));
        try {
            BufferedImage image = Grayscale.of(renderer.renderImageWithDPI(index, dpi, ImageType.GRAY));
            memory.shrinkTo(retained(image));
            return new ScannedPage(index, image, dpi, dpi, Optional.empty(), true, memory);
        } catch (IOException | RuntimeException | Error e) {
            memory.close();
            throw e;
        }
    }

    private static float dpi(int pixels, double points) {
        return Math.round(pixels / (points / POINTS_PER_INCH) * 10) / 10f;
    }

    private static int nonBlankCharacters(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                count++;
            }
        }
        return count;
    }

    private static void closeQuietly(PDDocument document) {
        try {
            document.close();
        } catch (IOException ignored) {
            // read-only: closing only releases the temp files
        }
    }
}
