package de.akte.ingest.pdfa;

import de.akte.ingest.testing.VeraPdf;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** Renders test pages in code and validates PDFs with veraPDF, so no binary fixtures are needed. */
final class PdfATestSupport {

    private PdfATestSupport() {
    }

    /** An upright page image and the word boxes of the text drawn on it. */
    record Rendered(BufferedImage image, List<WordBox> words) {
    }

    /** White page with black serif text, one string per line; boxes span the line's ascent..descent. */
    static Rendered render(int width, int height, int imageType, float dpi, String... lines) {
        BufferedImage img = new BufferedImage(width, height, imageType);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, Math.round(12f * dpi / 72f)));
        FontMetrics fm = g.getFontMetrics();
        List<WordBox> words = new ArrayList<>();
        int margin = Math.round(dpi / 2);
        int baseline = margin + fm.getAscent();
        for (String line : lines) {
            int x = margin;
            for (String word : line.split(" ")) {
                int w = fm.stringWidth(word);
                g.drawString(word, x, baseline);
                words.add(new WordBox(word, x, baseline - fm.getAscent(), x + w, baseline + fm.getDescent()));
                x += w + fm.stringWidth(" ");
            }
            baseline += fm.getHeight() * 2;
        }
        g.dispose();
        return new Rendered(img, words);
    }

    /** The raw image that becomes {@code upright} when turned clockwise by {@code rotation}. */
    static BufferedImage rawFromUpright(BufferedImage upright, int rotation) {
        if (rotation == 0) {
            return upright;
        }
        boolean quarter = rotation == 90 || rotation == 270;
        int w = quarter ? upright.getHeight() : upright.getWidth();
        int h = quarter ? upright.getWidth() : upright.getHeight();
        BufferedImage raw = new BufferedImage(w, h, upright.getType());
        Graphics2D g = raw.createGraphics();
        AffineTransform t = new AffineTransform();
        // counter-clockwise turn by `rotation` about the origin, then shift back into the raw canvas
        switch (rotation) {
            case 90 -> {
                t.translate(0, h);
                t.quadrantRotate(-1);
            }
            case 180 -> {
                t.translate(w, h);
                t.quadrantRotate(2);
            }
            case 270 -> {
                t.translate(w, 0);
                t.quadrantRotate(1);
            }
            default -> throw new IllegalArgumentException("rotation " + rotation);
        }
        g.drawImage(upright, t, null);
        g.dispose();
        return raw;
    }

    /** Asserts veraPDF finds the PDF compliant with PDF/A-2b, listing the failed rules otherwise. */
    static void assertPdfA2b(byte[] pdf) {
        VeraPdf.assertPdfA2b(pdf);
    }

    /** Null when compliant, else the failed rule ids with messages. */
    static String validatePdfA2b(byte[] pdf) {
        return VeraPdf.validatePdfA2b(pdf);
    }
}
