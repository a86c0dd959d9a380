package de.akte.ingest.testing;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.DataBufferByte;
import java.awt.image.Kernel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Synthetic scans of a German business letter with known ground-truth text, their degradations, and the file
 * formats they arrive in (TIFF, PNG, JPEG, image-only and text PDFs); for tests of OCR, deskew and ingestion.
 */
public final class LetterScans {

    public static final int DEFAULT_DPI = 300;
    /** A4 in millimetres. */
    private static final double A4_WIDTH_MM = 210;
    private static final double A4_HEIGHT_MM = 297;
    private static final double FONT_POINTS = 12;
    private static final double LINE_SPACING = 1.45;

    private LetterScans() {
    }

    /** The lines of a letter; an empty string is an empty line. */
    public record Letter(List<String> lines) {

        public Letter {
            lines = List.copyOf(lines);
        }

        /** The standard letter of the Bauordnungsamt Musterstadt. */
        public static Letter standard() {
            return withSubject("Ihr Antrag auf Baugenehmigung vom 27.11.2026");
        }

        /** The standard letter with another subject line, for tests that need distinct letters. */
        public static Letter withSubject(String subject) {
            return new Letter(List.of(
                    "Stadtverwaltung Musterstadt",
                    "Bauordnungsamt, Marktplatz 1, 12345 Musterstadt",
                    "",
                    "Frau",
                    "Erika Müller",
                    "Gartenstraße 12",
                    "12345 Musterstadt",
                    "",
                    "Musterstadt, den 27.11.2026",
                    "Aktenzeichen: 32-41/2025",
                    "",
                    subject,
                    "",
                    "Sehr geehrte Frau Müller,",
                    "",
                    "Ihr Antrag auf Baugenehmigung ist bei uns vollständig eingegangen.",
                    "Wir prüfen die Unterlagen zur Bebauung an der Gartenstraße sorgfältig",
                    "und melden uns in den nächsten Wochen schriftlich bei Ihnen.",
                    "Für Rückfragen erreichen Sie uns montags bis freitags im Rathaus.",
                    "Bitte geben Sie dabei immer das oben genannte Aktenzeichen an.",
                    "",
                    "Mit freundlichen Grüßen",
                    "Ihr Bauordnungsamt"));
        }

        /** A letter distinct for every seed: the subject names a numbered application. */
        public static Letter numbered(long seed) {
            return withSubject("Bauantrag Nummer " + seed + " für das Grundstück Flurstück " + (seed % 97 + 1));
        }

        /** The ground truth: the lines joined by line breaks. */
        public String text() {
            return String.join("\n", lines);
        }
    }

    /** The standard letter as a 300 dpi A4 scan, 2480 × 3508. */
    public static BufferedImage page() {
        return page(Letter.standard(), DEFAULT_DPI);
    }

    /** A letter as a 300 dpi A4 scan. */
    public static BufferedImage page(Letter letter) {
        return page(letter, DEFAULT_DPI);
    }

    /** A letter as an A4 scan at the given resolution: black serif text on white, {@code TYPE_BYTE_GRAY}. */
    public static BufferedImage page(Letter letter, int dpi) {
        BufferedImage page = blank(pixels(A4_WIDTH_MM, dpi), pixels(A4_HEIGHT_MM, dpi));
        Graphics2D g = page.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.BLACK);
            float size = (float) (FONT_POINTS / 72 * dpi);
            g.setFont(new Font(Font.SERIF, Font.PLAIN, 1).deriveFont(size));
            int left = pixels(25, dpi);
            double y = pixels(45, dpi);
            for (String line : letter.lines()) {
                g.drawString(line, left, (float) y);
                y += size * LINE_SPACING;
            }
        } finally {
            g.dispose();
        }
        return page;
    }

    /**
     * A separator sheet as scanning staff print it: a 300 dpi A4 page with the content as a QR code (or a
     * Code 128 barcode) and the content written beneath.
     */
    public static BufferedImage separatorSheet(String content, boolean qr) {
        BufferedImage page = blank(pixels(A4_WIDTH_MM, DEFAULT_DPI), pixels(A4_HEIGHT_MM, DEFAULT_DPI));
        com.google.zxing.common.BitMatrix matrix;
        try {
            matrix = qr ? new com.google.zxing.qrcode.QRCodeWriter().encode(content,
                    com.google.zxing.BarcodeFormat.QR_CODE, 600, 600)
                    : new com.google.zxing.oned.Code128Writer().encode(content,
                    com.google.zxing.BarcodeFormat.CODE_128, 1600, 300);
        } catch (com.google.zxing.WriterException e) {
            throw new IllegalArgumentException("cannot encode " + content, e);
        }
        Graphics2D g = page.createGraphics();
        try {
            g.setColor(Color.BLACK);
            int left = (page.getWidth() - matrix.getWidth()) / 2;
            int top = 800;
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    if (matrix.get(x, y)) {
                        g.fillRect(left + x, top + y, 1, 1);
                    }
                }
            }
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 80));
            g.drawString("TRENNBLATT " + content, 300, top + matrix.getHeight() + 200);
        } finally {
            g.dispose();
        }
        return page;
    }

    /** A PNG whose header claims the size while its data is tiny: decoding it would need gigabytes. */
    public static byte[] pngClaiming(int width, int height) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0).array());
        java.io.ByteArrayOutputStream deflated = new java.io.ByteArrayOutputStream();
        try (var z = new java.util.zip.DeflaterOutputStream(deflated)) {
            z.write(new byte[1024]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        chunk(out, "IDAT", deflated.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(java.io.ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A ZIP of one entry that unpacks to the given number of mebibytes of zeros: a compression bomb. */
    public static byte[] zipBomb(int mebibytes) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("nullen.txt"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < mebibytes; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A white page. */
    public static BufferedImage blank(int width, int height) {
        BufferedImage page = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Arrays.fill(bytes(page), (byte) 255);
        return page;
    }

    /** The image turned by {@code turns} × 90° clockwise, exactly; width and height swap for odd turns. */
    public static BufferedImage rotateQuarterTurns(BufferedImage image, int turns) {
        int k = Math.floorMod(turns, 4);
        int width = image.getWidth();
        int height = image.getHeight();
        boolean swap = k % 2 == 1;
        BufferedImage result = new BufferedImage(image.getColorModel(),
                image.getRaster().createCompatibleWritableRaster(swap ? height : width, swap ? width : height),
                image.isAlphaPremultiplied(), null);
        // raster samples, not getRGB/setRGB: those convert gray through sRGB and back, which is not exact
        Raster in = image.getRaster();
        WritableRaster out = result.getRaster();
        int[] pixel = new int[in.getNumBands()];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                in.getPixel(x, y, pixel);
                switch (k) {
                    case 0 -> out.setPixel(x, y, pixel);
                    case 1 -> out.setPixel(height - 1 - y, x, pixel);
                    case 2 -> out.setPixel(width - 1 - x, height - 1 - y, pixel);
                    default -> out.setPixel(y, width - 1 - x, pixel);
                }
            }
        }
        return result;
    }

    /** The content turned clockwise by {@code degrees} about the centre, as a crooked feed does; white corners. */
    public static BufferedImage skew(BufferedImage image, double degrees) {
        BufferedImage result = blank(image.getWidth(), image.getHeight());
        Graphics2D g = result.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            // Java2D's positive angles turn clockwise on screen, y pointing down
            g.drawImage(image, AffineTransform.getRotateInstance(Math.toRadians(degrees),
                    image.getWidth() / 2.0, image.getHeight() / 2.0), null);
        } finally {
            g.dispose();
        }
        return result;
    }

    /** Salt-and-pepper noise: a fraction {@code density} of pixels set to black or white, half each. */
    public static BufferedImage speckle(BufferedImage image, double density, long seed) {
        BufferedImage result = copy(image);
        byte[] pixels = bytes(result);
        Random random = new Random(seed);
        for (int i = 0; i < pixels.length; i++) {
            double r = random.nextDouble();
            if (r < density / 2) {
                pixels[i] = 0;
            } else if (r < density) {
                pixels[i] = (byte) 255;
            }
        }
        return result;
    }

    /** A 3 × 3 box blur, as a slightly defocused scanner gives. */
    public static BufferedImage blur(BufferedImage image) {
        return blur(image, 1);
    }

    /** A box blur over {@code (2 radius + 1)²} pixels. */
    public static BufferedImage blur(BufferedImage image, int radius) {
        int size = 2 * radius + 1;
        float[] box = new float[size * size];
        Arrays.fill(box, 1f / box.length);
        return new ConvolveOp(new Kernel(size, size, box), ConvolveOp.EDGE_NO_OP, null).filter(gray(image), null);
    }

    /** The image as {@code TYPE_BYTE_BINARY}, black below mid-gray: what a fax or a G4 TIFF holds. */
    public static BufferedImage bilevel(BufferedImage image) {
        BufferedImage result = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = result.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return result;
    }

    /** PNG with a pHYs chunk for {@code dpi}. */
    public static void toPng(BufferedImage image, int dpi, Path file) {
        write(List.of(image), dpi, file, "png", null, 0);
    }

    /** PNG at 300 dpi. */
    public static void toPng(BufferedImage image, Path file) {
        toPng(image, DEFAULT_DPI, file);
    }

    /** JPEG of quality 0.9 with JFIF density for {@code dpi}. */
    public static void toJpeg(BufferedImage image, int dpi, Path file) {
        write(List.of(gray(image)), dpi, file, "jpeg", "JPEG", 0.9f);
    }

    /** JPEG at 300 dpi. */
    public static void toJpeg(BufferedImage image, Path file) {
        toJpeg(image, DEFAULT_DPI, file);
    }

    /** Multi-page TIFF at 300 dpi. */
    public static void toTiff(List<BufferedImage> pages, Path file, String compression) {
        toTiff(pages, DEFAULT_DPI, file, compression);
    }

    /**
     * Multi-page TIFF with XResolution/YResolution for {@code dpi}.
     *
     * @param compression a TIFF compression type of ImageIO ("CCITT T.6", "LZW", "Deflate", "PackBits", "JPEG"),
     *                    or {@code null} for none; the CCITT types write bilevel pages
     */
    public static void toTiff(List<BufferedImage> pages, int dpi, Path file, String compression) {
        boolean ccitt = compression != null && compression.startsWith("CCITT");
        List<BufferedImage> images = pages.stream().map(p -> ccitt ? bilevel(p) : p).toList();
        write(images, dpi, file, "tiff", compression, 0);
    }

    /** An image-only PDF: each image fills a page sized by {@code dpi}, losslessly; no text layer. */
    public static void toImagePdf(List<BufferedImage> pages, int dpi, Path file) {
        try (PDDocument document = new PDDocument()) {
            for (BufferedImage image : pages) {
                float width = image.getWidth() * 72f / dpi;
                float height = image.getHeight() * 72f / dpi;
                PDPage page = new PDPage(new PDRectangle(width, height));
                document.addPage(page);
                PDImageXObject xobject = exactImage(document, image);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawImage(xobject, 0, 0, width, height);
                }
            }
            document.save(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Gray pages keep their exact samples, Flate-compressed: LosslessFactory goes through getRGB, whose gamma
     * conversion shifts antialiased gray levels, so a reader's output could not be compared byte for byte.
     */
    private static PDImageXObject exactImage(PDDocument document, BufferedImage image) throws IOException {
        if (image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            return LosslessFactory.createFromImage(document, image);
        }
        java.io.ByteArrayOutputStream deflated = new java.io.ByteArrayOutputStream();
        try (java.util.zip.DeflaterOutputStream out = new java.util.zip.DeflaterOutputStream(deflated)) {
            out.write(bytes(image));
        }
        return new PDImageXObject(document, new java.io.ByteArrayInputStream(deflated.toByteArray()),
                org.apache.pdfbox.cos.COSName.FLATE_DECODE, image.getWidth(), image.getHeight(), 8,
                org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray.INSTANCE);
    }

    /** A born-digital A4 PDF of the letter: a real text layer in Times, no images. */
    public static void toTextPdf(Letter letter, Path file) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
            float left = (float) (25 / 25.4 * 72);
            float top = PDRectangle.A4.getHeight() - (float) (45 / 25.4 * 72);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(font, (float) FONT_POINTS);
                content.setLeading((float) (FONT_POINTS * LINE_SPACING));
                content.newLineAtOffset(left, top);
                for (String line : letter.lines()) {
                    content.showText(line);
                    content.newLine();
                }
                content.endText();
            }
            document.save(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(List<BufferedImage> images, int dpi, Path file, String format, String compression,
                              float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        try {
            Files.deleteIfExists(file);
            try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
                writer.setOutput(out);
                ImageWriteParam param = writer.getDefaultWriteParam();
                if (compression != null) {
                    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    param.setCompressionType(compression);
                    if (quality > 0) {
                        param.setCompressionQuality(quality);
                    }
                }
                boolean sequence = images.size() > 1;
                if (sequence) {
                    writer.prepareWriteSequence(null);
                }
                for (BufferedImage image : images) {
                    IIOMetadata metadata = writer.getDefaultImageMetadata(
                            ImageTypeSpecifier.createFromRenderedImage(image), param);
                    withDpi(metadata, dpi);
                    IIOImage page = new IIOImage(image, null, metadata);
                    if (sequence) {
                        writer.writeToSequence(page, param);
                    } else {
                        writer.write(null, page, param);
                    }
                }
                if (sequence) {
                    writer.endWriteSequence();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    /**
     * Sets the resolution: PNG pHYs and JPEG JFIF natively, because the JDK's PNG plugin inverts the
     * format-neutral pixel size; TIFF through the format-neutral tree.
     */
    private static void withDpi(IIOMetadata metadata, int dpi) throws IIOInvalidTreeException {
        String format = metadata.getNativeMetadataFormatName();
        if ("javax_imageio_png_1.0".equals(format)) {
            IIOMetadataNode physical = new IIOMetadataNode("pHYs");
            String perMetre = Long.toString(Math.round(dpi / 0.0254));
            physical.setAttribute("pixelsPerUnitXAxis", perMetre);
            physical.setAttribute("pixelsPerUnitYAxis", perMetre);
            physical.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode root = new IIOMetadataNode(format);
            root.appendChild(physical);
            metadata.mergeTree(format, root);
            return;
        }
        if ("javax_imageio_jpeg_image_1.0".equals(format)) {
            IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
            IIOMetadataNode jfif = (IIOMetadataNode) root.getElementsByTagName("app0JFIF").item(0);
            jfif.setAttribute("resUnits", "1");
            jfif.setAttribute("Xdensity", Integer.toString(dpi));
            jfif.setAttribute("Ydensity", Integer.toString(dpi));
            metadata.setFromTree(format, root);
            return;
        }
        String millimetresPerPixel = Double.toString(25.4 / dpi);
        IIOMetadataNode horizontal = new IIOMetadataNode("HorizontalPixelSize");
        horizontal.setAttribute("value", millimetresPerPixel);
        IIOMetadataNode vertical = new IIOMetadataNode("VerticalPixelSize");
        vertical.setAttribute("value", millimetresPerPixel);
        IIOMetadataNode dimension = new IIOMetadataNode("Dimension");
        dimension.appendChild(horizontal);
        dimension.appendChild(vertical);
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_1.0");
        root.appendChild(dimension);
        metadata.mergeTree("javax_imageio_1.0", root);
    }

    private static BufferedImage gray(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        BufferedImage result = blank(image.getWidth(), image.getHeight());
        Graphics2D g = result.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return result;
    }

    private static BufferedImage copy(BufferedImage image) {
        BufferedImage source = gray(image);
        BufferedImage result = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        System.arraycopy(bytes(source), 0, bytes(result), 0, bytes(source).length);
        return result;
    }

    private static byte[] bytes(BufferedImage gray) {
        return ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
    }

    private static int pixels(double millimetres, int dpi) {
        return (int) Math.round(millimetres / 25.4 * dpi);
    }

    /** Pages as a list, for the multi-page writers. */
    public static List<BufferedImage> pages(BufferedImage... pages) {
        return new ArrayList<>(Arrays.asList(pages));
    }
}
