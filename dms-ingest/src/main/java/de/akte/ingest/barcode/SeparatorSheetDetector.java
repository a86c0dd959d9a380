package de.akte.ingest.barcode;

import java.awt.RenderingHints;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.GenericMultipleBarcodeReader;

/**
 * Finds QR and Code 128 barcodes on a scanned page and tells whether it is a separator sheet.
 *
 * <p>A copy scaled down to about 150 dpi is tried first: on noisy 300 dpi scans QR decoded there 30 of 30 times
 * and at full resolution 0 of 30 (noise specks break the finder patterns; halving averages them away). Full
 * resolution is the fallback, for thin Code 128 bars that halving may merge.
 *
 * <p>Thread-safe: every call gets its own reader.
 */
public final class SeparatorSheetDetector {

    private static final int TARGET_DPI = 150;

    private final SeparatorSettings settings;
    private final Map<DecodeHintType, Object> hints;

    public SeparatorSheetDetector(SeparatorSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Map<DecodeHintType, Object> h = new EnumMap<>(DecodeHintType.class);
        h.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        h.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE, BarcodeFormat.CODE_128));
        this.hints = Map.copyOf(h);
    }

    /** The signal of a page scanned at the given resolution. */
    public SeparatorSignal signal(BufferedImage page, int dpi) {
        return detect(page, dpi).signal(settings);
    }

    /** All QR and Code 128 codes found; both resolutions are searched only if the downscaled one finds nothing. */
    public PageBarcodes detect(BufferedImage page, int dpi) {
        Objects.requireNonNull(page, "page");
        if (dpi >= 2 * TARGET_DPI - TARGET_DPI / 2) {
            double factor = (double) TARGET_DPI / dpi;
            PageBarcodes reduced = decode(scaled(page, factor));
            if (!reduced.codes().isEmpty()) {
                return reduced;
            }
        }
        return decode(page);
    }

    /** Only the given resolution, no downscaling; for measurements. */
    PageBarcodes decode(BufferedImage image) {
        Set<DecodedBarcode> found = new LinkedHashSet<>();
        GenericMultipleBarcodeReader reader = new GenericMultipleBarcodeReader(new MultiFormatReader());
        try {
            Result[] results = reader.decodeMultiple(
                    new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminance(image))), hints);
            for (Result result : results) {
                DecodedBarcode.Format format = switch (result.getBarcodeFormat()) {
                    case QR_CODE -> DecodedBarcode.Format.QR_CODE;
                    case CODE_128 -> DecodedBarcode.Format.CODE_128;
                    default -> null;
                };
                if (format != null) {
                    found.add(new DecodedBarcode(format, result.getText()));
                }
            }
        } catch (NotFoundException none) {
            // an ordinary page
        }
        return new PageBarcodes(List.copyOf(found));
    }

    private static BufferedImage scaled(BufferedImage page, double factor) {
        int width = Math.max(1, (int) Math.round(page.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(page.getHeight() * factor));
        BufferedImage result = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = result.createGraphics();
        try {
            // bilinear averages noise specks away, which is the point of downscaling
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(page, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return result;
    }
}
