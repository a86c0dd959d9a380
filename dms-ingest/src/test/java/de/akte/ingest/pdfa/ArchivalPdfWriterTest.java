package de.akte.ingest.pdfa;

import static de.akte.ingest.pdfa.PdfATestSupport.assertPdfA2b;
import static de.akte.ingest.pdfa.PdfATestSupport.rawFromUpright;
import static de.akte.ingest.pdfa.PdfATestSupport.render;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.akte.core.text.UnreadableContentException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.plugins.tiff.TIFFTag;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArchivalPdfWriterTest {
    private static final float DPI = 150;
    private static final String[] LETTER = {
        "Sehr geehrte Damen und Herren,",
        "die Größe der Äpfel übersteigt 100 € deutlich.",
        "Mit freundlichen Grüßen"
    };
    private static final String EXPECTED_TEXT = String.join("\n", LETTER);
    private static final ArchivalMetadata META =
            new ArchivalMetadata("Bescheid über Gebühren", "Stadt Musterhausen", Instant.parse("2024-03-05T10:15:30Z"));

    @TempDir
    Path dir;

    private final ArchivalPdfWriter writer = new ArchivalPdfWriter();

    @Test
    void producesValidPdfA2bFromGrayscalePngScan() throws IOException {
        PdfATestSupport.Rendered page = render(1240, 1754, BufferedImage.TYPE_BYTE_GRAY, DPI, LETTER);
        Path png = write(page.image(), "png", "gray.png");

        byte[] pdf = writeImages(new ImagePage(png, "image/png", 0, 1240, 1754, DPI, DPI, 0, page.words()));

        assertPdfA2b(pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(EXPECTED_TEXT, text(doc));
            PDPage p = doc.getPage(0);
            assertEquals(1240 / DPI * 72, p.getMediaBox().getWidth(), 0.01);
            PDImageXObject image = onlyImage(p);
            // PNG data passed through: Flate with the PNG predictor, not decoded and re-encoded
            assertEquals(COSName.FLATE_DECODE, image.getCOSObject().getFilters());
            assertTrue(image.getCOSObject().getDictionaryObject(COSName.DECODE_PARMS) != null);
            // and the pixels come back exactly as scanned
            assertArrayEquals(((java.awt.image.DataBufferByte) page.image().getRaster().getDataBuffer()).getData(),
                    ((java.awt.image.DataBufferByte) image.getRawRaster().getDataBuffer()).getData());
        }
    }

    @Test
    void producesValidPdfA2bFromRgbPngScan() throws IOException {
        PdfATestSupport.Rendered page = render(1240, 1754, BufferedImage.TYPE_INT_RGB, DPI, LETTER);
        Path png = write(page.image(), "png", "rgb.png");

        byte[] pdf = writeImages(new ImagePage(png, "image/png", 0, 1240, 1754, DPI, DPI, 0, page.words()));

        assertPdfA2b(pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(EXPECTED_TEXT, text(doc));
            assertEquals(3, onlyImage(doc.getPage(0)).getColorSpace().getNumberOfComponents());
        }
    }

    @Test
    void producesValidPdfA2bFromPngWithAlphaChannel() throws IOException {
        PdfATestSupport.Rendered page = render(620, 877, BufferedImage.TYPE_INT_ARGB, 75, "Transparenz ist erlaubt");
        Path png = write(page.image(), "png", "argb.png");

        byte[] pdf = writeImages(new ImagePage(png, "image/png", 0, 620, 877, 75, 75, 0, page.words()));

        assertPdfA2b(pdf);
    }

    @Test
    void embedsJpegBytesUntouched() throws IOException {
        PdfATestSupport.Rendered page = render(1240, 1754, BufferedImage.TYPE_INT_RGB, DPI, LETTER);
        Path jpg = write(page.image(), "jpeg", "scan.jpg");

        byte[] pdf = writeImages(new ImagePage(jpg, "image/jpeg", 0, 1240, 1754, DPI, DPI, 0, page.words()));

        assertPdfA2b(pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDImageXObject image = onlyImage(doc.getPage(0));
            assertEquals(COSName.DCT_DECODE, image.getCOSObject().getFilters());
            try (InputStream raw = image.getCOSObject().createRawInputStream()) {
                assertArrayEquals(Files.readAllBytes(jpg), raw.readAllBytes());
            }
            assertEquals(EXPECTED_TEXT, text(doc));
        }
    }

    @Test
    void producesValidPdfA2bFromMultiPageTiffWithG4AndLzwPages() throws IOException {
        PdfATestSupport.Rendered bilevel = render(1240, 1754, BufferedImage.TYPE_BYTE_BINARY, DPI, "Seite eins", "Schwarz auf Weiß");
        PdfATestSupport.Rendered gray = render(1240, 1754, BufferedImage.TYPE_BYTE_GRAY, DPI, "Seite zwei", "Graustufen mit LZW");
        Path tiff = dir.resolve("batch.tif");
        ImageWriter tw = jdkTiffWriter();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(tiff.toFile())) {
            tw.setOutput(out);
            tw.prepareWriteSequence(null);
            // one strip per page, as scanners write G4; PDF can only take a single CCITT strip as is
            ImageWriteParam g4 = tiffParam(tw, "CCITT T.6");
            TIFFDirectory ifd = TIFFDirectory.createFromMetadata(
                    tw.getDefaultImageMetadata(new ImageTypeSpecifier(bilevel.image()), g4));
            ifd.addTIFFField(new TIFFField(BaselineTIFFTagSet.getInstance().getTag(BaselineTIFFTagSet.TAG_ROWS_PER_STRIP),
                    TIFFTag.TIFF_LONG, 1, new long[] {bilevel.image().getHeight()}));
            tw.writeToSequence(new IIOImage(bilevel.image(), null, ifd.getAsMetadata()), g4);
            tw.writeToSequence(new IIOImage(gray.image(), null, null), tiffParam(tw, "LZW"));
            tw.endWriteSequence();
        } finally {
            tw.dispose();
        }

        byte[] pdf = writeImages(
                new ImagePage(tiff, "image/tiff", 0, 1240, 1754, DPI, DPI, 0, bilevel.words()),
                new ImagePage(tiff, "image/tiff", 1, 1240, 1754, DPI, DPI, 0, gray.words()));

        assertPdfA2b(pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(2, doc.getNumberOfPages());
            assertEquals(COSName.CCITTFAX_DECODE, onlyImage(doc.getPage(0)).getCOSObject().getFilters());
            // LZW is forbidden in PDF/A-2, so that page is decoded and stored losslessly
            assertEquals(COSName.FLATE_DECODE, onlyImage(doc.getPage(1)).getCOSObject().getFilters());
            assertEquals("Seite eins\nSchwarz auf Weiß\nSeite zwei\nGraustufen mit LZW", text(doc));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {90, 180, 270})
    void rotatedScanIsShownUprightAndWordsExtractInOrderInsideTheirBoxes(int rotation) throws IOException {
        PdfATestSupport.Rendered upright = render(1240, 1754, BufferedImage.TYPE_BYTE_GRAY, DPI, LETTER);
        BufferedImage raw = rawFromUpright(upright.image(), rotation);
        Path png = write(raw, "png", "rot" + rotation + ".png");

        byte[] pdf = writeImages(new ImagePage(png, "image/png", 0, raw.getWidth(), raw.getHeight(), DPI, DPI,
                rotation, upright.words()));

        assertPdfA2b(pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(rotation, doc.getPage(0).getRotation());
            assertEquals(EXPECTED_TEXT, text(doc));
            assertWordsInsideBoxes(doc, upright.words(), 72f / DPI);
        }
    }

    @Test
    void umlautsAndEuroSurviveTextExtraction() throws IOException {
        PdfATestSupport.Rendered page = render(1240, 600, BufferedImage.TYPE_BYTE_GRAY, DPI, "Ärger Öl Übung ä ö ü ß € 5");
        Path png = write(page.image(), "png", "umlaut.png");

        byte[] pdf = writeImages(new ImagePage(png, "image/png", 0, 1240, 600, DPI, DPI, 0, page.words()));

        assertPdfA2b(pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals("Ärger Öl Übung ä ö ü ß € 5", text(doc));
        }
    }

    @Test
    void charactersMissingFromTheFontStillGiveValidPdfA() throws IOException {
        // CJK is not in Liberation Sans: a stand-in glyph with /ActualText, never .notdef; the ligature is decomposed
        List<WordBox> words = List.of(new WordBox("Akte", 100, 100, 300, 150), new WordBox("文書", 320, 100, 420, 150),
                new WordBox("ﬁnal", 440, 100, 560, 150));
        Path png = write(render(1240, 600, BufferedImage.TYPE_BYTE_GRAY, DPI).image(), "png", "cjk.png");

        byte[] pdf = writeImages(new ImagePage(png, "image/png", 0, 1240, 600, DPI, DPI, 0, words));

        assertPdfA2b(pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            // PDFBox's text stripper honours /ActualText, so even these characters are extracted
            assertEquals("Akte 文書 final", text(doc));
            COSDictionary properties = doc.getPage(0).getResources().getCOSObject().getCOSDictionary(COSName.PROPERTIES);
            assertTrue(properties.keySet().stream().anyMatch(
                    k -> "文書".equals(properties.getCOSDictionary(k).getString(COSName.ACTUAL_TEXT))));
        }
    }

    @Test
    void writesXmpAndInfoMetadata() throws IOException {
        PdfATestSupport.Rendered page = render(620, 877, BufferedImage.TYPE_BYTE_GRAY, 75, "Hallo");
        Path png = write(page.image(), "png", "meta.png");

        byte[] pdf = writeImages(new ImagePage(png, "image/png", 0, 620, 877, 75, 75, 0, page.words()));

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String xmp;
            try (InputStream in = doc.getDocumentCatalog().getMetadata().exportXMPMetadata()) {
                xmp = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertTrue(xmp.contains("<pdfaid:part>2</pdfaid:part>"), xmp);
            assertTrue(xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"), xmp);
            assertTrue(xmp.contains(">Bescheid über Gebühren</rdf:li>"), xmp);
            assertTrue(xmp.contains("<xmp:CreateDate>2024-03-05T10:15:30Z</xmp:CreateDate>"), xmp);
            assertTrue(xmp.contains("<pdf:Producer>Akte</pdf:Producer>"), xmp);
            assertEquals("Bescheid über Gebühren", doc.getDocumentInformation().getTitle());
            assertEquals("Stadt Musterhausen", doc.getDocumentInformation().getAuthor());
            assertEquals("Akte", doc.getDocumentInformation().getProducer());
            assertEquals(Instant.parse("2024-03-05T10:15:30Z"),
                    doc.getDocumentInformation().getCreationDate().toInstant());
            assertEquals(1, doc.getDocumentCatalog().getOutputIntents().size());
        }
    }

    @Test
    void addsTextLayerToImageOnlyPdfWithOffsetMediaBox() throws IOException {
        PdfATestSupport.Rendered upright = render(1240, 1754, BufferedImage.TYPE_BYTE_GRAY, DPI, LETTER);
        // the scan lies sideways in the source PDF; OCR found it needed a further 90° clockwise turn
        BufferedImage raw = rawFromUpright(upright.image(), 90);
        Path source = dir.resolve("scan.pdf");
        float w = raw.getWidth() * 72f / DPI;
        float h = raw.getHeight() * 72f / DPI;
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(50, 100, w, h));
            doc.addPage(page);
            PDImageXObject image = LosslessFactory.createFromImage(doc, raw);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(image, 50, 100, w, h);
            }
            doc.save(source.toFile());
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writePdf(source, List.of(new PdfPageWords(0, DPI, 90, 1240, 1754, upright.words())), META, out);
        byte[] pdf = out.toByteArray();

        assertPdfA2b(pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(90, doc.getPage(0).getRotation());
            assertEquals(50, doc.getPage(0).getMediaBox().getLowerLeftX(), 0.01);
            assertEquals(EXPECTED_TEXT, text(doc));
            assertWordsInsideBoxes(doc, upright.words(), 72f / DPI);
        }
    }

    @Test
    void unreadableImageIsReportedAsUnreadableContent() throws IOException {
        Path broken = dir.resolve("broken.png");
        Files.write(broken, "this is no image".getBytes(StandardCharsets.US_ASCII));

        UnreadableContentException e = assertThrows(UnreadableContentException.class, () -> writeImages(
                new ImagePage(broken, "image/png", 0, 100, 100, DPI, DPI, 0, List.of())));
        assertTrue(e.getMessage().contains("broken.png"), e.getMessage());
    }

    @Test
    void missingTiffPageIsReportedAsUnreadableContent() throws IOException {
        Path tiff = write(render(200, 200, BufferedImage.TYPE_BYTE_GRAY, 72).image(), "tiff", "single.tif");

        UnreadableContentException e = assertThrows(UnreadableContentException.class, () -> writeImages(
                new ImagePage(tiff, "image/tiff", 3, 200, 200, 72, 72, 0, List.of())));
        assertTrue(e.getMessage().contains("page 4 does not exist"), e.getMessage());
    }

    @Test
    void writesA4GrayscalePngPageQuickly() throws IOException {
        PdfATestSupport.Rendered page = render(2480, 3508, BufferedImage.TYPE_BYTE_GRAY, 300, manyLines());
        Path png = write(page.image(), "png", "a4.png");
        ImagePage a4 = new ImagePage(png, "image/png", 0, 2480, 3508, 300, 300, 0, page.words());

        writeImages(a4); // warm-up: class loading, font parsing
        int runs = 5;
        long start = System.nanoTime();
        byte[] pdf = null;
        for (int i = 0; i < runs; i++) {
            pdf = writeImages(a4);
        }
        double ms = (System.nanoTime() - start) / 1e6 / runs;
        System.out.printf("ArchivalPdfWriter: A4 2480x3508 gray 300 dpi PNG (%d words, %d KiB PNG) -> PDF/A in %.1f ms/page%n",
                page.words().size(), Files.size(png) / 1024, ms);

        assertPdfA2b(pdf);
    }

    private static String[] manyLines() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            lines.add("Zeile " + i + " mit einigen Wörtern über Gebühren und Bescheide für das Jahr 2024");
        }
        return lines.toArray(String[]::new);
    }

    private byte[] writeImages(ImagePage... pages) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeImages(List.of(pages), META, out);
        return out.toByteArray();
    }

    private Path write(BufferedImage image, String format, String name) throws IOException {
        Path file = dir.resolve(name);
        assertTrue(ImageIO.write(image, format, file.toFile()), "no ImageIO writer for " + format);
        return file;
    }

    /** The JDK's writer: other TIFF plugins on the class path (jai-imageio via Tika) ignore RowsPerStrip. */
    private static ImageWriter jdkTiffWriter() {
        for (var it = ImageIO.getImageWritersByFormatName("tiff"); it.hasNext(); ) {
            ImageWriter w = it.next();
            if (w.getClass().getName().startsWith("com.sun.imageio.plugins.tiff")) {
                return w;
            }
        }
        throw new IllegalStateException("JDK TIFF writer not found");
    }

    private static ImageWriteParam tiffParam(ImageWriter writer, String compression) {
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionType(compression);
        return param;
    }

    private static PDImageXObject onlyImage(PDPage page) throws IOException {
        COSName name = page.getResources().getXObjectNames().iterator().next();
        return (PDImageXObject) page.getResources().getXObject(name);
    }

    private static String text(PDDocument doc) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        stripper.setLineSeparator("\n");
        return stripper.getText(doc).strip().replaceAll("[ \\t]*\\n\\s*", "\n");
    }

    /** Each word's glyphs, in upright page coordinates (points), lie within its OCR box. */
    private static void assertWordsInsideBoxes(PDDocument doc, List<WordBox> words, float ptPerPx) throws IOException {
        List<TextPosition> positions = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> textPositions) {
                positions.addAll(textPositions);
            }
        };
        stripper.setSortByPosition(true);
        stripper.getText(doc);
        int i = 0;
        float tol = 1.5f;
        for (WordBox word : words) {
            while (i < positions.size() && positions.get(i).getUnicode().isBlank()) {
                i++;
            }
            TextPosition first = positions.get(i);
            TextPosition last = positions.get(i + word.text().length() - 1);
            StringBuilder seen = new StringBuilder();
            for (int k = 0; k < word.text().length(); k++) {
                seen.append(positions.get(i + k).getUnicode());
            }
            assertEquals(word.text(), seen.toString());
            float left = first.getXDirAdj();
            float right = last.getXDirAdj() + last.getWidthDirAdj();
            float baseline = first.getYDirAdj();
            String where = word.text() + " at x " + left + ".." + right + " baseline " + baseline + " box "
                    + word.x0() * ptPerPx + "," + word.y0() * ptPerPx + ".." + word.x1() * ptPerPx + "," + word.y1() * ptPerPx;
            assertEquals(word.x0() * ptPerPx, left, tol, where);
            assertEquals(word.x1() * ptPerPx, right, tol, where);
            assertTrue(baseline > word.y0() * ptPerPx && baseline <= word.y1() * ptPerPx + tol, where);
            i += word.text().length();
        }
    }
}
