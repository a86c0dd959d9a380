package de.akte.ingest.pdfa;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.CRC32;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Pass-through for plain grayscale PNGs, the usual scan format, which PDFBox's PNGConverter declines
 * ("can't handle grayscale yet") and would otherwise decode and re-compress. The IDAT zlib stream is exactly a
 * PDF FlateDecode stream with PNG predictors (/Predictor 15), so it is copied unchanged.
 */
final class GrayPng {
    private static final long SIGNATURE = 0x89504E470D0A1A0AL;
    private static final int IHDR = 0x49484452;
    private static final int IDAT = 0x49444154;
    private static final int IEND = 0x49454E44;

    private GrayPng() {
    }

    /** The image, or null when the PNG is not a plain non-interlaced grayscale PNG this class can pass through. */
    static PDImageXObject convert(PDDocument doc, byte[] png) throws IOException {
        if (png.length < 8 + 25 || readLong(png) != SIGNATURE) {
            return null;
        }
        ByteArrayOutputStream idat = new ByteArrayOutputStream(png.length);
        int width = 0;
        int height = 0;
        int bitDepth = 0;
        boolean sawEnd = false;
        CRC32 crc = new CRC32();
        int pos = 8;
        while (pos + 12 <= png.length) {
            int length = readInt(png, pos);
            int type = readInt(png, pos + 4);
            int data = pos + 8;
            if (length < 0 || data + length + 4 > png.length) {
                return null;
            }
            crc.reset();
            crc.update(png, pos + 4, length + 4);
            if ((int) crc.getValue() != readInt(png, data + length)) {
                return null; // damaged: let the decoding path report it
            }
            if (type == IHDR) {
                width = readInt(png, data);
                height = readInt(png, data + 4);
                bitDepth = png[data + 8] & 0xFF;
                int colorType = png[data + 9] & 0xFF;
                int interlace = png[data + 12] & 0xFF;
                if (colorType != 0 || interlace != 0 || png[data + 10] != 0 || png[data + 11] != 0) {
                    return null;
                }
            } else if (type == IDAT) {
                idat.write(png, data, length);
            } else if (type == IEND) {
                sawEnd = true;
                break;
            } else if (isColourRelevant(type)) {
                // tRNS (transparency), gAMA/cHRM/iCCP/sRGB (colour management) change how pixels look: not plain
                return null;
            }
            pos = data + length + 4;
        }
        if (!sawEnd || width <= 0 || height <= 0 || idat.size() == 0) {
            return null;
        }
        PDImageXObject image = new PDImageXObject(doc, new ByteArrayInputStream(idat.toByteArray()),
                COSName.FLATE_DECODE, width, height, bitDepth, PDDeviceGray.INSTANCE);
        COSDictionary parms = new COSDictionary();
        parms.setInt(COSName.PREDICTOR, 15);
        parms.setInt(COSName.COLORS, 1);
        parms.setInt(COSName.BITS_PER_COMPONENT, bitDepth);
        parms.setInt(COSName.COLUMNS, width);
        image.getCOSObject().setItem(COSName.DECODE_PARMS, parms);
        return image;
    }

    private static boolean isColourRelevant(int type) {
        return type == 0x74524E53 || type == 0x67414D41 || type == 0x6348524D || type == 0x69434350
                || type == 0x73524742;
    }

    private static int readInt(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }

    private static long readLong(byte[] b) {
        return ((long) readInt(b, 0) << 32) | (readInt(b, 4) & 0xFFFFFFFFL);
    }
}
