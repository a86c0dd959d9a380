package de.akte.ingest.recognition;

import de.akte.core.recognition.PageSource;
import de.akte.core.recognition.RecognizedContent;
import de.akte.core.recognition.WordBox;
import de.akte.ingest.image.Deskew;
import de.akte.ingest.ocr.RecognizedPage;
import de.akte.ingest.ocr.RecognizedWord;
import de.akte.ingest.ocr.TesseractOcr;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Recognises one scanned page: straightens it when it is skewed, runs Tesseract, and brings the word boxes back
 * to the page as scanned and then upright. Thread-safe; one call is one Tesseract process.
 */
final class PageOcr {

    private final TesseractOcr ocr;
    private final Deskew deskew;
    private final double deskewAboveDegrees;
    private final double uprightConfidence;

    /**
     * @param uprightConfidence the mean word confidence (0–100) below which a page read as upright is read again
     *                          with orientation detection
     */
    PageOcr(TesseractOcr ocr, Deskew deskew, double deskewAboveDegrees, double uprightConfidence) {
        this.ocr = Objects.requireNonNull(ocr, "ocr");
        this.deskew = Objects.requireNonNull(deskew, "deskew");
        this.deskewAboveDegrees = deskewAboveDegrees;
        this.uprightConfidence = uprightConfidence;
    }

    /** What OCR found on a page: its content (boxes upright) and how far the scan must be turned. */
    record Result(RecognizedContent content, int rotation, int rawWidth, int rawHeight, double skewDegrees) {
    }

    /**
     * Recognises a page image.
     *
     * @param image    the page as scanned (gray)
     * @param dpi      its resolution
     * @param asStored the file holding exactly these pixels, if Tesseract may read it directly (saves writing one)
     */
    Result recognize(BufferedImage image, int dpi, Optional<Path> asStored) {
        double skew = deskew.estimateDegrees(image);
        boolean straighten = Math.abs(skew) > deskewAboveDegrees;
        Deskew.Straightened straightened = straighten ? new Deskew.Straightened(deskew.rotate(image, skew), skew) : null;
        Path input = null;
        Path temporary = null;
        try {
            if (straighten || asStored.isEmpty()) {
                temporary = writeTemporary(straighten ? straightened.image() : image);
                input = temporary;
            } else {
                input = asStored.get();
            }
            RecognizedPage page = read(input, dpi);
            int rotation = page.orientation();
            List<WordBox> words = new ArrayList<>(page.words().size());
            for (RecognizedWord w : page.words()) {
                Rectangle found = new Rectangle(w.x0(), w.y0(), w.x1() - w.x0(), w.y1() - w.y0());
                Rectangle box = straighten ? straightened.toOriginal(found) : found;
                UprightBox b = UprightBox.of(clamp(box.x, image.getWidth()), clamp(box.y, image.getHeight()),
                        clamp(box.x + box.width, image.getWidth()), clamp(box.y + box.height, image.getHeight()),
                        image.getWidth(), image.getHeight(), rotation);
                words.add(new WordBox(w.text(), b.x(), b.y(), b.width(), b.height(), w.confidence()));
            }
            boolean sideways = rotation == 90 || rotation == 270;
            int width = sideways ? image.getHeight() : image.getWidth();
            int height = sideways ? image.getWidth() : image.getHeight();
            RecognizedContent content = new RecognizedContent(page.text(), PageSource.OCR, width, height, dpi,
                    rotation, words);
            return new Result(content, rotation, image.getWidth(), image.getHeight(), straighten ? skew : 0);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    // a stray temp file is no reason to lose the page's text
                }
            }
        }
    }

    /**
     * Reads the page as upright first and asks Tesseract to detect the orientation only when that reading fails:
     * orientation detection costs about a fifth of the page's time, and nearly every scanned page is upright.
     */
    private RecognizedPage read(Path input, int dpi) {
        RecognizedPage upright = ocr.recognize(input, dpi, TesseractOcr.Layout.UPRIGHT);
        if (readsUpright(upright)) {
            return upright;
        }
        RecognizedPage oriented = ocr.recognize(input, dpi, TesseractOcr.Layout.DETECT_ORIENTATION);
        return oriented.orientation() != 0 || oriented.meanConfidence() >= upright.meanConfidence()
                ? oriented : upright;
    }

    // an upside-down page reads as gibberish of low confidence, a sideways one (if at all) in tall word boxes;
    // a page without words has no orientation to find
    private boolean readsUpright(RecognizedPage page) {
        return page.words().isEmpty()
                || (page.meanConfidence() >= uprightConfidence && page.runsHorizontally());
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(max, v));
    }

    // uncompressed TIFF: writing it costs a fraction of PNG's deflate, and Tesseract reads it as fast
    private static Path writeTemporary(BufferedImage image) {
        try {
            Path file = Files.createTempFile("akte-page-", ".tif");
            ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
                writer.setOutput(out);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_DISABLED);
                writer.write(null, new IIOImage(image, null, null), param);
            } finally {
                writer.dispose();
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the page image for OCR", e);
        }
    }
}
