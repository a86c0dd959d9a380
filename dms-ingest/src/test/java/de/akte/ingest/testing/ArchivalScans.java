package de.akte.ingest.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.plugins.tiff.TIFFTag;
import javax.imageio.stream.ImageOutputStream;

import com.github.jaiimageio.jpeg2000.J2KImageWriteParam;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.image.CCITTFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The compressions of archival scans, made from {@link LetterScans} pages: JPEG 2000 files (written by
 * jai-imageio's encoder, or by OpenJPEG's {@code opj_compress} as archives' scanning software does), and image-only
 * PDFs whose page image is JPXDecode, CCITTFaxDecode (G4) or JBIG2Decode, built stream by stream as scanners do.
 */
public final class ArchivalScans {

    private ArchivalScans() {
    }

    /**
     * A lossy JPEG 2000 of the page by jai-imageio's encoder at {@code bitsPerPixel} (8-bit gray is 8): a JP2 file,
     * or the bare codestream (.j2k).
     */
    public static void toJpeg2000(BufferedImage page, double bitsPerPixel, boolean codestreamOnly, Path file) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg2000").next();
        try {
            Files.deleteIfExists(file);
            try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
                writer.setOutput(out);
                J2KImageWriteParam param = (J2KImageWriteParam) writer.getDefaultWriteParam();
                param.setLossless(false);
                param.setFilter(J2KImageWriteParam.FILTER_97);
                param.setEncodingRate(bitsPerPixel);
                param.setWriteCodeStreamOnly(codestreamOnly);
                writer.write(null, new IIOImage(page, null, null), param);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    /** A lossy JPEG 2000 (JP2) of the page by OpenJPEG, compressed {@code ratio} : 1 (it writes no resolution). */
    public static void toOpenJpeg(BufferedImage page, int ratio, Path jp2) {
        OpenJpeg.probe().assumeAvailable();
        Path pgm = jp2.resolveSibling(jp2.getFileName() + ".pgm");
        try {
            writePgm(page, pgm);
            Process opj = new ProcessBuilder("opj_compress", "-i", pgm.toString(), "-o", jp2.toString(),
                    "-r", Integer.toString(ratio), "-I")
                    .redirectErrorStream(true).start();
            byte[] output = opj.getInputStream().readAllBytes();
            if (!opj.waitFor(60, TimeUnit.SECONDS) || opj.exitValue() != 0 || !Files.exists(jp2)) {
                throw new IllegalStateException("opj_compress failed: " + new String(output, StandardCharsets.UTF_8));
            }
            Files.delete(pgm);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * An image-only PDF whose one page shows the JPEG 2000 file as an image XObject with the filter JPXDecode and no
     * colour space of its own (the JPX data carries it), as archival scanners write them.
     */
    public static void toJpxPdf(Path jpeg2000, int width, int height, int dpi, Path pdf) {
        try (PDDocument document = new PDDocument()) {
            PDImageXObject image = new PDImageXObject(document,
                    new ByteArrayInputStream(Files.readAllBytes(jpeg2000)), COSName.JPX_DECODE, width, height, 8,
                    null);
            image.getCOSObject().removeItem(COSName.BITS_PER_COMPONENT);
            imagePage(document, image, dpi);
            document.save(pdf.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An image-only PDF whose pages are bilevel CCITT G4 images (CCITTFaxDecode), as fax and office scanners write. */
    public static void toCcittPdf(List<BufferedImage> pages, int dpi, Path pdf) {
        Path tiff = pdf.resolveSibling(pdf.getFileName() + ".g4.tif");
        toSingleStripG4(pages, tiff);
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i < pages.size(); i++) {
                imagePage(document, CCITTFactory.createFromFile(document, tiff.toFile(), i), dpi);
            }
            document.save(pdf.toFile());
            Files.delete(tiff);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An image-only PDF whose page is a JBIG2 image (JBIG2Decode): one lossless generic region, MMR-coded, in
     * the embedded stream form PDF takes (no file header, no end-of-page segment). The MMR data is the G4 data of
     * the page, which is the same coding.
     */
    public static void toJbig2Pdf(BufferedImage page, int dpi, Path pdf) {
        Path tiff = pdf.resolveSibling(pdf.getFileName() + ".g4.tif");
        toSingleStripG4(List.of(page), tiff);
        try (PDDocument document = new PDDocument()) {
            PDImageXObject g4 = CCITTFactory.createFromFile(document, tiff.toFile(), 0);
            byte[] mmr;
            try (InputStream raw = g4.getCOSObject().createRawInputStream()) {
                mmr = raw.readAllBytes();
            }
            int width = g4.getWidth();
            int height = g4.getHeight();
            PDImageXObject jbig2 = new PDImageXObject(document, new ByteArrayInputStream(jbig2(width, height, dpi, mmr)),
                    COSName.JBIG2_DECODE, width, height, 1, PDDeviceGray.INSTANCE);
            imagePage(document, jbig2, dpi);
            document.save(pdf.toFile());
            Files.delete(tiff);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A G4 TIFF with one strip per page, as scanners write it: only such a page can go into a PDF as it is. */
    private static void toSingleStripG4(List<BufferedImage> pages, Path tiff) {
        ImageWriter writer = null;
        for (var writers = ImageIO.getImageWritersByFormatName("tiff"); writers.hasNext(); ) {
            ImageWriter candidate = writers.next();
            if (candidate.getClass().getName().startsWith("com.sun.imageio.plugins.tiff")) {
                writer = candidate;
            }
        }
        if (writer == null) {
            throw new IllegalStateException("the JDK's TIFF writer is missing");
        }
        try (ImageOutputStream out = ImageIO.createImageOutputStream(tiff.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            ImageWriteParam g4 = writer.getDefaultWriteParam();
            g4.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            g4.setCompressionType("CCITT T.6");
            for (BufferedImage page : pages) {
                BufferedImage bilevel = LetterScans.bilevel(page);
                TIFFDirectory ifd = TIFFDirectory.createFromMetadata(
                        writer.getDefaultImageMetadata(new ImageTypeSpecifier(bilevel), g4));
                ifd.addTIFFField(new TIFFField(BaselineTIFFTagSet.getInstance().getTag(
                        BaselineTIFFTagSet.TAG_ROWS_PER_STRIP), TIFFTag.TIFF_LONG, 1,
                        new long[] {bilevel.getHeight()}));
                writer.writeToSequence(new IIOImage(bilevel, null, ifd.getAsMetadata()), g4);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    /** JBIG2 embedded stream: a page information segment and an immediate lossless generic region with MMR. */
    private static byte[] jbig2(int width, int height, int dpi, byte[] mmr) {
        int pixelsPerMetre = (int) Math.round(dpi / 0.0254);
        ByteBuffer pageInfo = ByteBuffer.allocate(19).putInt(width).putInt(height).putInt(pixelsPerMetre)
                .putInt(pixelsPerMetre)
                .put((byte) 0x01) // eventually lossless, default pixel 0 (white), combination OR
                .putShort((short) 0); // not striped
        ByteBuffer region = ByteBuffer.allocate(17 + 1 + mmr.length).putInt(width).putInt(height).putInt(0).putInt(0)
                .put((byte) 0) // external combination operator OR
                .put((byte) 0x01) // MMR coding
                .put(mmr);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        segment(out, 0, 48, pageInfo.array());
        segment(out, 1, 39, region.array());
        return out.toByteArray();
    }

    private static void segment(ByteArrayOutputStream out, int number, int type, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(number).array());
        out.write(type); // one-byte page association, no deferred non-retain
        out.write(0); // refers to no other segment
        out.write(1); // page 1
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(data);
    }

    private static void imagePage(PDDocument document, PDImageXObject image, int dpi) throws IOException {
        float width = image.getWidth() * 72f / dpi;
        float height = image.getHeight() * 72f / dpi;
        PDPage page = new PDPage(new PDRectangle(width, height));
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            content.drawImage(image, 0, 0, width, height);
        }
    }

    private static void writePgm(BufferedImage page, Path pgm) throws IOException {
        if (page.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            throw new IllegalArgumentException("PGM needs a gray page");
        }
        BufferedImage gray = page;
        byte[] samples = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("P5\n" + gray.getWidth() + " " + gray.getHeight() + "\n255\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(samples);
        Files.write(pgm, out.toByteArray());
    }

    /**
     * OpenJPEG's command-line encoder (Debian's {@code libopenjp2-tools}): skipped without it, failing on CI
     * ({@code CI=true}), where {@code .ci/run} installs it.
     */
    public static final class OpenJpeg {
        private final boolean available;

        private OpenJpeg(boolean available) {
            this.available = available;
        }

        public static OpenJpeg probe() {
            boolean found;
            try {
                Process p = new ProcessBuilder("opj_compress", "-h").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                found = p.waitFor(30, TimeUnit.SECONDS);
            } catch (IOException e) {
                found = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                found = false;
            }
            if (!found && "true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("opj_compress is not installed: apt-get install libopenjp2-tools");
            }
            return new OpenJpeg(found);
        }

        public void assumeAvailable() {
            assumeTrue(available, "opj_compress is not installed: apt-get install libopenjp2-tools");
        }
    }
}
