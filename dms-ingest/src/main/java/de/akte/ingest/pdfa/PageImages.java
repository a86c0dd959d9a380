package de.akte.ingest.pdfa;

import de.akte.core.text.UnreadableContentException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceCMYK;
import org.apache.pdfbox.pdmodel.graphics.image.CCITTFactory;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Turns a stored page image into an image XObject, keeping the compressed data whenever PDF can carry it as is:
 * JPEG stays DCT, PNG keeps its IDAT (PDFBox's PNGConverter), bilevel CCITT TIFF pages keep their G3/G4 data.
 * Only what PDF cannot take directly (LZW/uncompressed/deflate TIFF, interlaced PNG) is decoded and stored
 * losslessly with Flate, pixels unchanged.
 */
final class PageImages {
    private static final Logger LOG = Logger.getLogger(PageImages.class.getName());

    private PageImages() {
    }

    static PDImageXObject embed(PDDocument doc, ImagePage page) {
        String type = page.mediaType().toLowerCase(Locale.ROOT);
        int semicolon = type.indexOf(';');
        if (semicolon >= 0) {
            type = type.substring(0, semicolon).strip();
        }
        if (!Files.isReadable(page.file())) {
            throw new UnreadableContentException("The page image " + page.file().getFileName()
                    + " does not exist or cannot be read.");
        }
        try {
            PDImageXObject image = switch (type) {
                case "image/jpeg", "image/jpg", "image/pjpeg" -> jpeg(doc, page);
                case "image/png" -> png(doc, page);
                case "image/tiff", "image/tif" -> tiff(doc, page);
                default -> throw new UnreadableContentException("The page image " + page.file().getFileName()
                        + " has the unsupported type " + page.mediaType()
                        + "; only PNG, JPEG and TIFF can be archived as PDF/A.");
            };
            if (image.getColorSpace() instanceof PDDeviceCMYK) {
                // DeviceCMYK would need a CMYK output intent or a DefaultCMYK ICC profile; not supported yet
                throw new UnreadableContentException("The page image " + page.file().getFileName()
                        + " uses CMYK colours, which the PDF/A rendition does not support yet.");
            }
            return image;
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableContentException u) {
                throw u;
            }
            throw new UnreadableContentException("The page image " + page.file().getFileName()
                    + " could not be read as " + type + ": " + e.getMessage(), e);
        }
    }

    private static PDImageXObject jpeg(PDDocument doc, ImagePage page) throws IOException {
        // the DCT data goes into the PDF byte for byte
        return JPEGFactory.createFromByteArray(doc, Files.readAllBytes(page.file()));
    }

    private static PDImageXObject png(PDDocument doc, ImagePage page) throws IOException {
        // grayscale: our own pass-through; otherwise PDFBox detects PNG by content and uses PNGConverter (IDAT
        // copied for RGB and palette PNGs), falling back to decoding for the rest (alpha, interlaced, 16-bit gray+alpha)
        byte[] bytes = Files.readAllBytes(page.file());
        PDImageXObject gray = GrayPng.convert(doc, bytes);
        if (gray != null) {
            return gray;
        }
        return PDImageXObject.createFromByteArray(doc, bytes, page.file().getFileName().toString());
    }

    private static PDImageXObject tiff(PDDocument doc, ImagePage page) throws IOException {
        try {
            // succeeds only for single-strip bilevel CCITT G3/G4 pages, whose data it copies without decoding;
            // null or an exception means "not passable", and the page is decoded instead
            PDImageXObject ccitt = CCITTFactory.createFromFile(doc, page.file().toFile(), page.pageIndex());
            if (ccitt != null) {
                return ccitt;
            }
        } catch (IOException | RuntimeException notCcitt) {
            LOG.log(Level.FINE, "TIFF page {0} of {1} is not passable CCITT, decoding it: {2}",
                    new Object[] {page.pageIndex(), page.file(), notCcitt.getMessage()});
        }
        return LosslessFactory.createFromImage(doc, readPage(page));
    }

    private static BufferedImage readPage(ImagePage page) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(page.file().toFile())) {
            if (in == null) {
                throw new IOException("no image input stream");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new UnreadableContentException("The page image " + page.file().getFileName()
                        + " is not in a format that can be decoded.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, true);
                int count = reader.getNumImages(true);
                if (page.pageIndex() >= count) {
                    throw new UnreadableContentException("The image file " + page.file().getFileName() + " has "
                            + count + " page(s); page " + (page.pageIndex() + 1) + " does not exist.");
                }
                // only the requested page is decoded
                return reader.read(page.pageIndex());
            } finally {
                reader.dispose();
            }
        }
    }
}
