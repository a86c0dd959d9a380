package de.akte.ingest.recognition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import de.akte.core.recognition.Recognition;
import de.akte.core.recognition.RecognizedContent;
import de.akte.core.text.QuarantinedContentException;
import de.akte.core.text.UnreadableContentException;
import de.akte.ingest.detect.TikaContentTypeDetector;
import de.akte.ingest.extract.TikaTextExtractor;
import de.akte.ingest.metadata.MetadataExtractor;
import de.akte.ingest.testing.ArchivalScans;
import de.akte.ingest.testing.InstalledTesseract;
import de.akte.ingest.testing.LetterScans;
import de.akte.ingest.testing.LetterScans.Letter;
import de.akte.ingest.testing.VeraPdf;
import de.akte.ingest.testing.WordErrorRate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compressions of archival scans, recognised end to end with the real Tesseract: JPEG 2000 files (from two
 * encoders, as a JP2 file and as a bare codestream), and PDFs whose page image is JPXDecode, CCITTFaxDecode or
 * JBIG2Decode. Each must give the letter's text, and a valid PDF/A-2b rendition that can be searched.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchivalScanFormatsTest {

    private static final double WORD_ERROR_BOUND = 0.10;
    private static final int DPI = 300;

    @TempDir
    Path dir;

    private InstalledTesseract tesseract;
    private ExecutorService pool;
    private ScanRecognizer recognizer;
    private BufferedImage letter;

    @BeforeAll
    void start() {
        tesseract = InstalledTesseract.probe();
        pool = Executors.newFixedThreadPool(2);
        recognizer = new ScanRecognizer(RecognitionSettings.defaults(), new TikaContentTypeDetector(),
                new TikaTextExtractor(), new MetadataExtractor(), ScanSteps.of(RecognitionSettings.defaults()), pool, 2);
        letter = LetterScans.page();
    }

    @AfterAll
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void readsAJpeg2000ScanWrittenByOpenJpegAndKeepsItsCodestreamInTheRendition() throws IOException {
        tesseract.assumeAvailable();
        Path jp2 = dir.resolve("akte-1987-0042.jp2");
        ArchivalScans.toOpenJpeg(letter, 20, jp2);

        byte[] rendition = recognised(jp2, "akte-1987-0042.jp2", "image/jp2");
        try (PDDocument pdf = Loader.loadPDF(rendition)) {
            PDImageXObject image = onlyImage(pdf);
            assertEquals(COSName.JPX_DECODE, image.getCOSObject().getFilters(), "the JPEG 2000 data is kept as is");
            assertEquals(2480, image.getWidth());
        }
    }

    @Test
    void readsJpeg2000ByItsContentWhateverItsNameAsFileAndAsBareCodestream() throws IOException {
        tesseract.assumeAvailable();
        Path jp2 = dir.resolve("scan-ohne-endung");
        ArchivalScans.toJpeg2000(letter, 0.8, false, jp2);
        recognised(jp2, "scan.bin", "image/jp2");

        Path codestream = dir.resolve("scan.j2k");
        ArchivalScans.toJpeg2000(letter, 0.8, true, codestream);
        recognised(codestream, "scan.j2k", "image/x-jp2-codestream");
    }

    @Test
    void readsAPdfWhosePageImageIsJpeg2000() throws IOException {
        tesseract.assumeAvailable();
        Path jp2 = dir.resolve("seite.jp2");
        ArchivalScans.toOpenJpeg(letter, 20, jp2);
        Path pdf = dir.resolve("jpx.pdf");
        ArchivalScans.toJpxPdf(jp2, letter.getWidth(), letter.getHeight(), DPI, pdf);

        recognised(pdf, "jpx.pdf", "application/pdf");
    }

    @Test
    void readsAPdfWhosePageImageIsCcittG4() throws IOException {
        tesseract.assumeAvailable();
        Path pdf = dir.resolve("g4.pdf");
        ArchivalScans.toCcittPdf(List.of(letter), DPI, pdf);
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertEquals(COSName.CCITTFAX_DECODE, onlyImage(document).getCOSObject().getFilters());
        }

        recognised(pdf, "g4.pdf", "application/pdf");
    }

    @Test
    void readsAPdfWhosePageImageIsJbig2() throws IOException {
        tesseract.assumeAvailable();
        Path pdf = dir.resolve("jbig2.pdf");
        ArchivalScans.toJbig2Pdf(letter, DPI, pdf);
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertEquals(COSName.JBIG2_DECODE, onlyImage(document).getCOSObject().getFilters());
        }

        recognised(pdf, "jbig2.pdf", "application/pdf");
    }

    @Test
    void quarantinesAJpeg2000WhoseHeaderClaimsTenGigapixelsBeforeDecodingIt() throws IOException {
        Path small = dir.resolve("klein.j2k");
        ArchivalScans.toJpeg2000(LetterScans.blank(64, 64), 1, true, small);
        byte[] bytes = Files.readAllBytes(small);
        // SOC, SIZ marker, Lsiz, Rsiz, then Xsiz, Ysiz, XOsiz, YOsiz, XTsiz, YTsiz: one tile of 100,000²
        ByteBuffer header = ByteBuffer.wrap(bytes);
        header.putInt(8, 100_000).putInt(12, 100_000).putInt(24, 100_000).putInt(28, 100_000);
        Path bomb = dir.resolve("bombe.j2k");
        Files.write(bomb, bytes);

        long start = System.nanoTime();
        assertThrows(QuarantinedContentException.class, () -> recognizer.recognize(bomb, "bombe.j2k", "Bombe").close());
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "refused from the header, not after decoding");
    }

    @Test
    void failsAJpeg2000WithAGarbledCodestreamWithAReason() throws IOException {
        tesseract.assumeAvailable();
        Path jp2 = dir.resolve("kaputt.jp2");
        ArchivalScans.toJpeg2000(letter, 0.8, false, jp2);
        byte[] bytes = Files.readAllBytes(jp2);
        byte[] garbled = Arrays.copyOf(bytes, 400);
        Files.write(jp2, garbled);

        UnreadableContentException refused = assertThrows(UnreadableContentException.class,
                () -> recognizer.recognize(jp2, "kaputt.jp2", "Kaputt").close());
        assertTrue(refused.getMessage().toLowerCase(Locale.ROOT).contains("damaged"), refused.getMessage());
    }

    /** Recognises the file, checks the text and the rendition, and returns the rendition's bytes. */
    private byte[] recognised(Path file, String fileName, String mediaType) throws IOException {
        long start = System.nanoTime();
        try (Recognition r = recognizer.recognize(file, fileName, "Altakte " + fileName)) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(mediaType, r.mediaType());
            RecognizedContent page = r.pages().get(0);
            assertEquals("OCR", page.source().name());
            double wer = WordErrorRate.between(Letter.standard().text(), page.text());
            System.out.printf(Locale.ROOT, "ArchivalScanFormatsTest: %s (%s, %d bytes): word error rate %.3f, %d ms%n",
                    fileName, mediaType, Files.size(file), wer, millis);
            assertTrue(wer <= WORD_ERROR_BOUND, () -> "word error rate " + wer + ":\n" + page.text());
            assertTrue(r.fields().stream().anyMatch(f -> f.kind().equals("FILE_REFERENCE")
                    && f.value().equals("32-41/2025")), r.fields().toString());
            byte[] rendition = Files.readAllBytes(r.rendition().orElseThrow());
            VeraPdf.assertPdfA2b(rendition);
            try (PDDocument pdf = Loader.loadPDF(rendition)) {
                assertTrue(new PDFTextStripper().getText(pdf).contains("Baugenehmigung"));
            }
            return rendition;
        }
    }

    private static PDImageXObject onlyImage(PDDocument document) throws IOException {
        var resources = document.getPage(0).getResources();
        COSName name = resources.getXObjectNames().iterator().next();
        return (PDImageXObject) resources.getXObject(name);
    }
}
