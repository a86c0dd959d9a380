package de.akte.ingest.pdfa;

import de.akte.core.text.UnreadableContentException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceCMYK;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.CCITTFactory;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Turns a stored page image into an image XObject, keeping the compressed data whenever PDF can carry it as is:
 * JPEG stays DCT, PNG keeps its IDAT (PDFBox's PNGConverter), bilevel CCITT TIFF pages keep their G3/G4 data.
 * an 8-bit gray or RGB JP2 file stays JPX (PDF/A-2 allows it). Only what PDF cannot take directly
 * (LZW/uncompressed/deflate TIFF, interlaced PNG, other JPEG 2000: a bare codestream, which PDF/A wants wrapped
 * in JP2 boxes, JPX with its extensions, other depths) is decoded and stored losslessly with Flate, pixels unchanged.
 */
final class PageImages {
    private static final Logger LOG = Logger.getLogger(PageImages.class.getName());
    /** The ImageIO format name of jai-imageio's JPEG 2000 reader. */
    private static final String JPEG_2000 = "JPEG2000";

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
                case "image/jp2" -> jpeg2000(doc, page);
                case "image/jpx", "image/x-jp2-codestream" -> LosslessFactory.createFromImage(doc, readPage(page));
                default -> throw new UnreadableContentException("The page image " + page.file().getFileName()
                        + " has the unsupported type " + page.mediaType()
                        + "; only PNG, JPEG, TIFF and JPEG 2000 can be archived as PDF/A.");
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

    private static PDImageXObject jpeg2000(PDDocument doc, ImagePage page) throws IOException {
        byte[] bytes = Files.readAllBytes(page.file());
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(JPEG_2000);
        if (!readers.hasNext()) {
            throw new UnreadableContentException("The page image " + page.file().getFileName()
                    + " is JPEG 2000, and no JPEG 2000 decoder is installed.");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            // the header says what the codestream holds; no sample is decoded for the pass-through
            ImageTypeSpecifier raw = reader.getRawImageType(0);
            int bands = raw == null ? 0 : raw.getNumBands();
            boolean eightBit = raw != null && Arrays.stream(raw.getSampleModel().getSampleSize())
                    .allMatch(bits -> bits == 8);
            boolean alpha = raw != null && raw.getColorModel() != null && raw.getColorModel().hasAlpha();
            if (eightBit && !alpha && (bands == 1 || bands == 3)) {
                // the codestream goes into the PDF byte for byte, as JPEG stays DCT
                return new PDImageXObject(doc, new ByteArrayInputStream(bytes), COSName.JPX_DECODE,
                        reader.getWidth(0), reader.getHeight(0), 8,
                        bands == 1 ? PDDeviceGray.INSTANCE : PDDeviceRGB.INSTANCE);
            }
            return LosslessFactory.createFromImage(doc, reader.read(0));
        } finally {
            reader.dispose();
        }
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
