package de.akte.ingest.barcode;

import java.awt.image.BufferedImage;

import com.google.zxing.LuminanceSource;

/** Grey values of a {@link BufferedImage} for ZXing; our own so that we need only ZXing's core artefact. */
final class BufferedImageLuminance extends LuminanceSource {

    private final byte[] luminance;
    private final int dataWidth;
    private final int left;
    private final int top;

    BufferedImageLuminance(BufferedImage image) {
        this(greyValues(image), image.getWidth(), 0, 0, image.getWidth(), image.getHeight());
    }

    private BufferedImageLuminance(byte[] luminance, int dataWidth, int left, int top, int width, int height) {
        super(width, height);
        this.luminance = luminance;
        this.dataWidth = dataWidth;
        this.left = left;
        this.top = top;
    }

    private static byte[] greyValues(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] row = new int[width];
        byte[] result = new byte[width * height];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int argb = row[x];
                // transparent counts as white paper, not black
                int grey = ((argb >>> 24) == 0) ? 255
                        : (((argb >> 16) & 0xff) * 306 + ((argb >> 8) & 0xff) * 601 + (argb & 0xff) * 117) >> 10;
                result[y * width + x] = (byte) grey;
            }
        }
        return result;
    }

    @Override
    public byte[] getRow(int y, byte[] row) {
        int width = getWidth();
        byte[] result = (row == null || row.length < width) ? new byte[width] : row;
        System.arraycopy(luminance, (top + y) * dataWidth + left, result, 0, width);
        return result;
    }

    @Override
    public byte[] getMatrix() {
        int width = getWidth();
        int height = getHeight();
        if (left == 0 && top == 0 && width == dataWidth && height * width == luminance.length) {
            return luminance;
        }
        byte[] matrix = new byte[width * height];
        for (int y = 0; y < height; y++) {
            System.arraycopy(luminance, (top + y) * dataWidth + left, matrix, y * width, width);
        }
        return matrix;
    }

    @Override
    public boolean isCropSupported() {
        return true;
    }

    @Override
    public LuminanceSource crop(int cropLeft, int cropTop, int width, int height) {
        return new BufferedImageLuminance(luminance, dataWidth, left + cropLeft, top + cropTop, width, height);
    }
}
