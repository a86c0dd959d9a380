package de.akte.ingest.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/** Exact rotation of a gray image by multiples of 90°, by moving bytes; no resampling. */
final class QuarterTurns {

    private QuarterTurns() {
    }

    /** {@code image} turned {@code turns} × 90° clockwise; the same image for a multiple of four. */
    static BufferedImage clockwise(BufferedImage image, int turns) {
        int k = Math.floorMod(turns, 4);
        if (k == 0) {
            return image;
        }
        BufferedImage gray = Grayscale.of(image);
        int width = gray.getWidth();
        int height = gray.getHeight();
        byte[] in = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        boolean swap = k != 2;
        int outWidth = swap ? height : width;
        int outHeight = swap ? width : height;
        BufferedImage result = new BufferedImage(outWidth, outHeight, BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((DataBufferByte) result.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                int target = switch (k) {
                    case 1 -> x * outWidth + (height - 1 - y);
                    case 2 -> (height - 1 - y) * outWidth + (width - 1 - x);
                    default -> (width - 1 - x) * outWidth + y;
                };
                out[target] = in[row + x];
            }
        }
        return result;
    }
}
