package de.akte.ingest.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/** Converts decoded page images to {@code TYPE_BYTE_GRAY}, the only form OCR and barcode detection need. */
final class Grayscale {

    private Grayscale() {
    }

    static BufferedImage of(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        if (image.getType() == BufferedImage.TYPE_BYTE_BINARY
                && image.getColorModel().getPixelSize() == 1
                && image.getColorModel() instanceof IndexColorModel palette) {
            return fromBilevel(image, palette);
        }
        return fromRgb(image);
    }

    /** Unpacks eight pixels per byte through a table: bilevel fax scans are the most common and must stay cheap. */
    private static BufferedImage fromBilevel(BufferedImage image, IndexColorModel palette) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte zero = (byte) luma(palette.getRGB(0));
        byte one = (byte) luma(palette.getRGB(1));
        Raster raster = image.getRaster();
        BufferedImage gray = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        if (!(raster.getDataBuffer() instanceof DataBufferByte buffer)
                || !(raster.getSampleModel() instanceof java.awt.image.MultiPixelPackedSampleModel model)
                || raster.getSampleModelTranslateX() != 0 || raster.getSampleModelTranslateY() != 0) {
            return fromRgb(image);
        }
        byte[] packed = buffer.getData();
        int stride = model.getScanlineStride();
        int offset = buffer.getOffset() + model.getOffset(0, 0);
        for (int y = 0; y < height; y++) {
            int rowStart = offset + y * stride;
            int o = y * width;
            for (int x = 0; x < width; x++) {
                int bit = (packed[rowStart + (x >> 3)] >> (7 - (x & 7))) & 1;
                out[o + x] = bit == 0 ? zero : one;
            }
        }
        return gray;
    }

    private static BufferedImage fromRgb(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        BufferedImage gray = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            int o = y * width;
            for (int x = 0; x < width; x++) {
                out[o + x] = (byte) luma(row[x]);
            }
        }
        return gray;
    }

    private static int luma(int argb) {
        // transparent counts as white paper, not black
        if ((argb >>> 24) == 0) {
            return 255;
        }
        return (((argb >> 16) & 0xff) * 306 + ((argb >> 8) & 0xff) * 601 + (argb & 0xff) * 117) >> 10;
    }
}
