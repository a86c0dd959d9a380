package de.akte.ingest.ocr;

import de.akte.ingest.testing.InstalledTesseract;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

import de.akte.core.text.UnreadableContentException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TesseractOcrTest {

    private static final int DPI = 200;
    // A4 at 200 dpi: big enough to be a realistic page, small enough to keep the class fast
    private static final int WIDTH = 1654;
    private static final int HEIGHT = 2339;
    private static final List<String> LETTER = List.of(
            "Stadtverwaltung Musterstadt",
            "Bauordnungsamt, Marktplatz 1, 12345 Musterstadt",
            "",
            "Frau",
            "Erika Müller",
            "Gartenstraße 12",
            "12345 Musterstadt",
            "",
            "Musterstadt, den 27.11.2026",
            "",
            "Sehr geehrte Frau Müller,",
            "",
            "Ihr Antrag auf Baugenehmigung vom 27.11.2026 ist bei uns eingegangen.",
            "Wir prüfen die Unterlagen und melden uns in den nächsten Wochen.",
            "Für Rückfragen erreichen Sie uns montags bis freitags.",
            "",
            "Mit freundlichen Grüßen",
            "Ihr Bauordnungsamt");

    @TempDir
    Path dir;

    private InstalledTesseract tesseract;
    private Path letter;
    private Rectangle drawnBaugenehmigung;
    private RecognizedPage recognized;

    @BeforeAll
    void recognizeTheLetterOnce(@TempDir Path shared) throws IOException {
        tesseract = InstalledTesseract.probe();
        letter = shared.resolve("letter.png");
        drawnBaugenehmigung = renderLetter(letter);
        if (tesseract.isAvailable()) {
            long start = System.nanoTime();
            recognized = new TesseractOcr(OcrSettings.defaults().withDpi(DPI)).recognize(letter);
            System.out.printf("OCR of a %dx%d page: %d ms, word error rate %.1f %%%n", WIDTH, HEIGHT,
                    (System.nanoTime() - start) / 1_000_000, 100 * wordErrorRate(String.join("\n", LETTER), recognized.text()));
        }
    }

    @Test
    void recognisesAGermanLetterWithFewWordErrors() {
        tesseract.assumeAvailable();

        double wer = wordErrorRate(String.join("\n", LETTER), recognized.text());

        assertTrue(wer <= 0.10, () -> "word error rate " + wer + " for:\n" + recognized.text());
        assertTrue(recognized.text().contains("Grüßen"), recognized.text());
    }

    @Test
    void reportsThePageSizeInPixels() {
        tesseract.assumeAvailable();

        assertEquals(WIDTH, recognized.widthPx());
        assertEquals(HEIGHT, recognized.heightPx());
    }

    @Test
    void placesAWordsBoxWhereItWasDrawn() {
        tesseract.assumeAvailable();
        RecognizedWord word = recognized.words().stream()
                .filter(w -> w.text().equalsIgnoreCase("Baugenehmigung")).findFirst()
                .orElseThrow(() -> new AssertionError("no Baugenehmigung in " + recognized.text()));

        int tolerance = 6;
        Rectangle drawn = drawnBaugenehmigung;
        String message = word + " drawn at " + drawn;
        assertEquals(drawn.x, word.x0(), tolerance, message);
        assertEquals(drawn.y, word.y0(), tolerance, message);
        assertEquals(drawn.x + drawn.width, word.x1(), tolerance, message);
        assertEquals(drawn.y + drawn.height, word.y1(), tolerance, message);
        assertTrue(word.confidence() > 50, message);
    }

    @Test
    void readingAnUpsideDownPageAsUprightGivesLowConfidenceWhileTheUprightPageReadsHigh() throws IOException {
        tesseract.assumeAvailable();
        BufferedImage page = ImageIO.read(letter.toFile());
        BufferedImage turned = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = turned.createGraphics();
        g.rotate(Math.PI, page.getWidth() / 2.0, page.getHeight() / 2.0);
        g.drawImage(page, 0, 0, null);
        g.dispose();
        Path upsideDown = dir.resolve("upside-down.png");
        ImageIO.write(turned, "png", upsideDown.toFile());
        TesseractOcr ocr = new TesseractOcr(OcrSettings.defaults().withDpi(DPI));

        RecognizedPage asUpright = ocr.recognize(upsideDown, DPI, TesseractOcr.Layout.UPRIGHT);
        RecognizedPage upright = ocr.recognize(letter, DPI, TesseractOcr.Layout.UPRIGHT);

        assertTrue(asUpright.meanConfidence() < 60, () -> "confidence " + asUpright.meanConfidence());
        assertTrue(upright.meanConfidence() > 80, () -> "confidence " + upright.meanConfidence());
        assertTrue(upright.runsHorizontally());
        assertEquals(0, upright.orientation());
    }

    @Test
    void readsTiffToo() throws IOException {
        tesseract.assumeAvailable();
        BufferedImage line = ImageIO.read(letter.toFile()).getSubimage(0, 0, WIDTH, 400);
        Path tiff = dir.resolve("head.tif");
        assertTrue(ImageIO.write(line, "tiff", tiff.toFile()));

        RecognizedPage page = new TesseractOcr(OcrSettings.defaults().withDpi(DPI)).recognize(tiff);

        assertTrue(page.text().contains("Stadtverwaltung Musterstadt"), page.text());
    }

    @Test
    void stopsAPageThatTakesLongerThanTheTimeout() {
        tesseract.assumeAvailable();
        TesseractOcr impatient = new TesseractOcr(OcrSettings.defaults().withTimeout(Duration.ofMillis(1)));

        OcrTimeoutException e = assertThrows(OcrTimeoutException.class, () -> impatient.recognize(letter));

        assertEquals("Text recognition of the page did not finish within 1 ms and was stopped", e.getMessage());
        assertEquals(0, ProcessHandle.current().children()
                .filter(p -> p.info().command().orElse("").contains("tesseract")).count(), "process killed");
    }

    @Test
    void refusesAFileThatIsNotAnImageBeforeTesseractSeesIt() throws IOException {
        // Tesseract would read this as a list of image files to open
        Path text = Files.writeString(dir.resolve("page.png"), "/etc/passwd\nDies ist kein Bild\n");

        UnreadableContentException e = assertThrows(UnreadableContentException.class,
                () -> new TesseractOcr(OcrSettings.defaults()).recognize(text));

        assertEquals("The page is not a PNG, TIFF or JPEG image", e.getMessage());
    }

    @Test
    void aBrokenImageGivesTesseractsComplaintWithoutAStackTrace() throws IOException {
        tesseract.assumeAvailable();
        byte[] truncated = Arrays.copyOf(Files.readAllBytes(letter), 60);
        Path broken = Files.write(dir.resolve("broken.png"), truncated);

        UnreadableContentException e = assertThrows(UnreadableContentException.class,
                () -> new TesseractOcr(OcrSettings.defaults()).recognize(broken));

        assertTrue(e.getMessage().startsWith("Tesseract could not read the page image: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
        assertFalse(e.getMessage().contains("\tat "), e.getMessage());
    }

    @Test
    void aMissingTesseractIsReportedAsUnavailable() throws IOException {
        Path image = dir.resolve("tiny.png");
        ImageIO.write(new BufferedImage(10, 10, BufferedImage.TYPE_BYTE_GRAY), "png", image.toFile());
        TesseractOcr missing = new TesseractOcr(new OcrSettings("/nonexistent/tesseract", List.of("deu"),
                Duration.ofSeconds(5), DPI));

        OcrUnavailableException e = assertThrows(OcrUnavailableException.class, () -> missing.recognize(image));

        assertTrue(e.getMessage().contains("/nonexistent/tesseract"), e.getMessage());
    }

    /** Renders the letter black on white and returns where the ink of "Baugenehmigung" is. */
    private static Rectangle renderLetter(Path png) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            // 12 pt at 200 dpi
            Font font = new Font(Font.SERIF, Font.PLAIN, 12 * DPI / 72);
            g.setFont(font);
            FontRenderContext frc = g.getFontRenderContext();
            int left = 200;
            int baseline = 300;
            int lineHeight = (int) (font.getSize() * 1.5);
            Rectangle target = null;
            for (String line : LETTER) {
                g.drawString(line, left, baseline);
                int at = line.indexOf("Baugenehmigung");
                if (at >= 0) {
                    float x = left + (float) font.getStringBounds(line.substring(0, at), frc).getWidth();
                    target = font.createGlyphVector(frc, "Baugenehmigung").getPixelBounds(frc, x, baseline);
                }
                baseline += lineHeight;
            }
            ImageIO.write(image, "png", png.toFile());
            return target;
        } finally {
            g.dispose();
        }
    }

    /** Word-level Levenshtein distance over the reference's word count, ignoring case. */
    static double wordErrorRate(String reference, String hypothesis) {
        String[] ref = words(reference);
        String[] hyp = words(hypothesis);
        int[] previous = new int[hyp.length + 1];
        int[] current = new int[hyp.length + 1];
        for (int j = 0; j <= hyp.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= ref.length; i++) {
            current[0] = i;
            for (int j = 1; j <= hyp.length; j++) {
                int substitution = previous[j - 1] + (ref[i - 1].equals(hyp[j - 1]) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return (double) previous[hyp.length] / Math.max(1, ref.length);
    }

    private static String[] words(String text) {
        String stripped = text.strip().toLowerCase(Locale.ROOT);
        return stripped.isEmpty() ? new String[0] : stripped.split("\\s+");
    }
}
