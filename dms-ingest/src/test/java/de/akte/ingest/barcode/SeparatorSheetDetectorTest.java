package de.akte.ingest.barcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SeparatorSheetDetectorTest {

    private static final int VARIANTS = 8;
    private static final double SPECKS = 0.001;

    private final SeparatorSettings settings = SeparatorSettings.defaults();
    private final SeparatorSheetDetector detector = new SeparatorSheetDetector(settings);

    @Test
    void findsQrAndCode128OnTheSamePage() throws Exception {
        BufferedImage page = TestScans.blankPage();
        TestScans.drawQr(page, "AKTE-AZ:32-41/2025", 300, 300, 500);
        TestScans.drawCode128(page, "AKTE-TRENNBLATT", 300, 1200, 1200, 200);

        PageBarcodes found = detector.detect(TestScans.noisy(page, 1, 1.0, SPECKS), TestScans.DPI);

        assertTrue(found.codes().contains(new DecodedBarcode(DecodedBarcode.Format.QR_CODE, "AKTE-AZ:32-41/2025")),
                found.toString());
        assertTrue(found.codes().contains(new DecodedBarcode(DecodedBarcode.Format.CODE_128, "AKTE-TRENNBLATT")),
                found.toString());
        assertEquals(SeparatorSignal.withFileReference("32-41/2025"), found.signal(settings));
    }

    @Test
    void decodesNoisyQrSeparators() throws Exception {
        assertAllDecoded("QR", seed -> {
            BufferedImage page = TestScans.blankPage();
            TestScans.drawQr(page, "AKTE-AZ:32-41/2025", 1700, 300, 500);
            return TestScans.noisy(page, seed, seed % 2 == 0 ? 1.0 : -1.0, SPECKS);
        }, SeparatorSignal.withFileReference("32-41/2025"));
    }

    @Test
    void decodesNoisyCode128Separators() throws Exception {
        assertAllDecoded("Code 128", seed -> {
            BufferedImage page = TestScans.blankPage();
            TestScans.drawCode128(page, "AKTE-TRENNBLATT", 300, 300, 1200, 200);
            return TestScans.noisy(page, seed, seed % 2 == 0 ? 1.0 : -1.0, SPECKS);
        }, SeparatorSignal.plain());
    }

    @Test
    void aPageWithOnlyTextIsNoSeparator() {
        BufferedImage page = TestScans.noisy(TestScans.textPage(), 7, 1.0, SPECKS);

        assertEquals(SeparatorSignal.none(), detector.signal(page, TestScans.DPI));
    }

    @Test
    void aForeignBarcodeIsNoSeparator() throws Exception {
        BufferedImage page = TestScans.blankPage();
        TestScans.drawQr(page, "https://example.org/invoice/4711", 300, 300, 500);

        assertEquals(SeparatorSignal.none(), detector.signal(page, TestScans.DPI));
    }

    @Test
    void aFileReferencePrefixWithoutReferenceIsAPlainSeparatorOnlyIfTheSeparatorCodeIsThere() {
        PageBarcodes codes = new PageBarcodes(List.of(
                new DecodedBarcode(DecodedBarcode.Format.QR_CODE, "AKTE-AZ:"),
                new DecodedBarcode(DecodedBarcode.Format.CODE_128, "AKTE-TRENNBLATT")));

        assertEquals(SeparatorSignal.plain(), codes.signal(settings));
        assertEquals(SeparatorSignal.none(), new PageBarcodes(List.of(codes.codes().get(0))).signal(settings));
    }

    @Test
    void contentIsConfigurable() {
        SeparatorSettings custom = new SeparatorSettings("TRENN", "AZ=");
        PageBarcodes codes = new PageBarcodes(List.of(new DecodedBarcode(DecodedBarcode.Format.QR_CODE, "AZ=7 C 12/26")));

        assertEquals(new SeparatorSignal(true, Optional.of("7 C 12/26")), codes.signal(custom));
        assertEquals(SeparatorSignal.none(), codes.signal(settings));
    }

    private interface Scan {
        BufferedImage make(long seed) throws Exception;
    }

    private void assertAllDecoded(String name, Scan scan, SeparatorSignal expected) throws Exception {
        int fullResolution = 0;
        int downscaled = 0;
        int detected = 0;
        for (long seed = 0; seed < VARIANTS; seed++) {
            BufferedImage page = scan.make(seed);
            if (detector.decode(page).signal(settings).equals(expected)) {
                fullResolution++;
            }
            if (detector.decode(halved(page)).signal(settings).equals(expected)) {
                downscaled++;
            }
            if (detector.signal(page, TestScans.DPI).equals(expected)) {
                detected++;
            }
        }
        System.out.printf("%s: decoded %d/%d at 300 dpi, %d/%d at 150 dpi, detector %d/%d%n",
                name, fullResolution, VARIANTS, downscaled, VARIANTS, detected, VARIANTS);
        assertEquals(VARIANTS, detected, name + " separators found");
    }

    private static BufferedImage halved(BufferedImage page) {
        BufferedImage result = new BufferedImage(page.getWidth() / 2, page.getHeight() / 2, BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = result.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(page, 0, 0, result.getWidth(), result.getHeight(), null);
        g.dispose();
        return result;
    }
}
