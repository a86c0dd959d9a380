package de.akte.ingest.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import de.akte.core.text.UnreadableContentException;
import de.akte.ingest.testing.LetterScans;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PdfReadingTest {

    @TempDir
    Path dir;

    private final ScannedPageReader reader = new ScannedPageReader(ImageLimits.defaults());
    private BufferedImage letter;

    @BeforeAll
    void renderOnce() {
        letter = LetterScans.page();
    }

    @Test
    void givesTheTextLayerOfABornDigitalPageAndNoImage() {
        Path pdf = dir.resolve("text.pdf");
        LetterScans.toTextPdf(LetterScans.Letter.standard(), pdf);
        try (ScannedPages pages = reader.open(pdf, "application/pdf")) {
            ScannedPage page = pages.page(0);
            assertNull(page.image());
            assertFalse(page.needsOcr());
            assertTrue(page.text().orElseThrow().contains("Aktenzeichen: 32-41/2025"), page.text().get());
            assertTrue(page.text().get().contains("Grüßen"));
        }
    }

    @Test
    void decodesTheFullPageImageOfAScanDirectlyAtItsOwnResolution() {
        Path pdf = dir.resolve("scan.pdf");
        LetterScans.toImagePdf(List.of(letter, LetterScans.page(LetterScans.Letter.numbered(9))), 300, pdf);
        try (ScannedPages pages = reader.open(pdf, "application/pdf")) {
            assertEquals(2, pages.count());
            pages.page(0);
            long start = System.nanoTime();
            ScannedPage page = pages.page(0);
            System.out.printf("PDF page image extraction of a %dx%d scan: %d ms%n", letter.getWidth(),
                    letter.getHeight(), (System.nanoTime() - start) / 1_000_000);
            assertTrue(page.needsOcr());
            assertFalse(page.reEncoded());
            assertEquals(BufferedImage.TYPE_BYTE_GRAY, page.image().getType());
            assertEquals(300f, page.dpiX(), 0.5);
            assertEquals(300f, page.dpiY(), 0.5);
            assertTrue(Arrays.equals(pixels(letter), pixels(page.image())), "the scan's own pixels");
        }
    }

    @Test
    void rendersAPageWhoseImageDoesNotFillIt() throws IOException {
        Path pdf = dir.resolve("small-image.pdf");
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDImageXObject image = LosslessFactory.createFromImage(document, LetterScans.page(
                    LetterScans.Letter.standard(), 100));
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(image, 100, 100, 300, 400);
            }
            document.save(pdf.toFile());
        }
        try (ScannedPages pages = reader.open(pdf, "application/pdf")) {
            long start = System.nanoTime();
            ScannedPage page = pages.page(0);
            System.out.printf("PDF page render at 300 dpi: %d ms%n", (System.nanoTime() - start) / 1_000_000);
            assertTrue(page.reEncoded());
            assertEquals(300f, page.dpiX());
            assertEquals(BufferedImage.TYPE_BYTE_GRAY, page.image().getType());
            assertEquals(2480, page.image().getWidth(), 1);
            assertEquals(3508, page.image().getHeight(), 1);
        }
    }

    @Test
    void showsAPageWithRotate90Upright() throws IOException {
        // a landscape scan stored sideways: the page says /Rotate 90, so it is displayed turned clockwise
        BufferedImage upright = LetterScans.page(LetterScans.Letter.standard(), 100);
        BufferedImage stored = LetterScans.rotateQuarterTurns(upright, -1);
        Path pdf = dir.resolve("rotated.pdf");
        LetterScans.toImagePdf(List.of(stored), 100, pdf);
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            document.getPage(0).setRotation(90);
            document.save(pdf.toFile());
        }
        // the fixture's PDF writer may round some gray levels: compare with the image the PDF really holds
        BufferedImage held;
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            var resources = document.getPage(0).getResources();
            var image = (org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject)
                    resources.getXObject(resources.getXObjectNames().iterator().next());
            BufferedImage decoded = image.getImage();
            held = new BufferedImage(decoded.getWidth(), decoded.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            held.getGraphics().drawImage(decoded, 0, 0, null);
        }
        BufferedImage expected = LetterScans.rotateQuarterTurns(held, 1);
        try (ScannedPages pages = reader.open(pdf, "application/pdf")) {
            BufferedImage shown = pages.page(0).image();
            assertEquals(upright.getWidth(), shown.getWidth());
            assertEquals(upright.getHeight(), shown.getHeight());
            assertTrue(Arrays.equals(pixels(expected), pixels(shown)), "upright as displayed");
        }
    }

    @Test
    void reportsAPasswordProtectedPdfAsEncrypted() throws IOException {
        Path pdf = dir.resolve("secret.pdf");
        LetterScans.toTextPdf(LetterScans.Letter.standard(), pdf);
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(pdf.toFile());
        }
        UnreadableContentException unreadable = assertThrows(UnreadableContentException.class,
                () -> reader.open(pdf, "application/pdf"));
        assertTrue(unreadable.getMessage().startsWith("The PDF is encrypted"), unreadable.getMessage());
    }

    @Test
    void reportsAPdfThatForbidsExtractionAsEncrypted() throws IOException {
        Path pdf = dir.resolve("restricted.pdf");
        LetterScans.toTextPdf(LetterScans.Letter.standard(), pdf);
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            AccessPermission permissions = new AccessPermission();
            permissions.setCanExtractContent(false);
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "", permissions);
            document.protect(policy);
            document.save(pdf.toFile());
        }
        UnreadableContentException unreadable = assertThrows(UnreadableContentException.class,
                () -> reader.open(pdf, "application/pdf"));
        assertTrue(unreadable.getMessage().startsWith("The PDF is encrypted"), unreadable.getMessage());
    }

    @Test
    void reportsATruncatedPdfAsUnreadable() throws IOException {
        Path pdf = dir.resolve("scan.pdf");
        LetterScans.toImagePdf(List.of(letter), 300, pdf);
        byte[] whole = Files.readAllBytes(pdf);
        Path truncated = dir.resolve("truncated.pdf");
        Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));
        assertThrows(UnreadableContentException.class, () -> {
            try (ScannedPages pages = reader.open(truncated, "application/pdf")) {
                pages.page(0);
            }
        });
    }

    @Test
    void reportsAPdfWithoutPagesAsUnreadable() throws IOException {
        Path pdf = dir.resolve("empty.pdf");
        try (PDDocument document = new PDDocument()) {
            document.save(pdf.toFile());
        }
        UnreadableContentException unreadable = assertThrows(UnreadableContentException.class,
                () -> reader.open(pdf, "application/pdf"));
        assertEquals("The file has no pages", unreadable.getMessage());
    }

    private static byte[] pixels(BufferedImage gray) {
        return ((java.awt.image.DataBufferByte) gray.getRaster().getDataBuffer()).getData();
    }
}
