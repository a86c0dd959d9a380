package de.akte.ingest.barcode;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.util.Map;
import java.util.Random;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.QRCodeWriter;

/** Synthetic 300 dpi A4 scans with barcodes, text and scanner noise. */
final class TestScans {

    static final int DPI = 300;
    static final int WIDTH = 2480;
    static final int HEIGHT = 3508;

    private TestScans() {
    }

    static BufferedImage blankPage() {
        BufferedImage page = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.dispose();
        return page;
    }

    static BufferedImage textPage() {
        BufferedImage page = blankPage();
        Graphics2D g = page.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 50));
        for (int line = 0; line < 40; line++) {
            g.drawString("Sehr geehrte Damen und Herren, Az. 32-41/2025 vom 27.11.2026, Zeile " + line, 250, 400 + line * 70);
        }
        g.dispose();
        return page;
    }

    static void drawQr(BufferedImage page, String content, int x, int y, int size) throws WriterException {
        BitMatrix matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, size, size,
                Map.of(EncodeHintType.MARGIN, 4));
        draw(page, matrix, x, y);
    }

    static void drawCode128(BufferedImage page, String content, int x, int y, int width, int height) {
        BitMatrix matrix = new Code128Writer().encode(content, BarcodeFormat.CODE_128, width, height);
        draw(page, matrix, x, y);
    }

    private static void draw(BufferedImage page, BitMatrix matrix, int x, int y) {
        Graphics2D g = page.createGraphics();
        g.setColor(Color.BLACK);
        for (int my = 0; my < matrix.getHeight(); my++) {
            for (int mx = 0; mx < matrix.getWidth(); mx++) {
                if (matrix.get(mx, my)) {
                    g.fillRect(x + mx, y + my, 1, 1);
                }
            }
        }
        g.dispose();
    }

    /** Rotation by a small angle, a slight blur, then salt-and-pepper specks, as a cheap flatbed scanner does. */
    static BufferedImage noisy(BufferedImage page, long seed, double degrees, double speckRate) {
        BufferedImage rotated = blankPage();
        Graphics2D g = rotated.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(page, new AffineTransformOp(
                AffineTransform.getRotateInstance(Math.toRadians(degrees), WIDTH / 2.0, HEIGHT / 2.0),
                AffineTransformOp.TYPE_BILINEAR), 0, 0);
        g.dispose();
        float[] box = new float[9];
        java.util.Arrays.fill(box, 1f / 9f);
        BufferedImage blurred = new ConvolveOp(new Kernel(3, 3, box), ConvolveOp.EDGE_NO_OP, null)
                .filter(rotated, null);
        Random random = new Random(seed);
        byte[] pixels = ((java.awt.image.DataBufferByte) blurred.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            double r = random.nextDouble();
            if (r < speckRate / 2) {
                pixels[i] = 0;
            } else if (r < speckRate) {
                pixels[i] = (byte) 255;
            }
        }
        return blurred;
    }
}
