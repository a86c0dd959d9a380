package de.akte.ingest.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import de.akte.core.text.QuarantinedContentException;
import de.akte.core.text.UnreadableContentException;
import de.akte.ingest.testing.LetterScans;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageFileReadingTest {

    @TempDir
    Path dir;

    private final ScannedPageReader reader = new ScannedPageReader(ImageLimits.defaults());
    private BufferedImage letter;

    @BeforeAll
    void renderOnce() {
        letter = LetterScans.page();
    }

    @Test
    void readsAPngAsOneGrayPageWithItsPhysResolution() {
        Path png = dir.resolve("letter.png");
        LetterScans.toPng(letter, 200, png);
        try (ScannedPages pages = reader.open(png, "image/png")) {
            assertEquals(1, pages.count());
            long start = System.nanoTime();
            ScannedPage page = pages.page(0);
            System.out.printf("PNG decode of a %dx%d page: %d ms%n", letter.getWidth(), letter.getHeight(),
                    (System.nanoTime() - start) / 1_000_000);
            assertEquals(BufferedImage.TYPE_BYTE_GRAY, page.image().getType());
            assertEquals(2480, page.image().getWidth());
            assertEquals(200f, page.dpiX(), 0.01);
            assertEquals(200f, page.dpiY(), 0.01);
            assertTrue(page.text().isEmpty());
            assertTrue(page.needsOcr());
            assertFalse(page.reEncoded());
            assertEquals(letter.getRaster().getSample(300, 560, 0), page.image().getRaster().getSample(300, 560, 0));
        }
    }

    @Test
    void readsAJpegWithItsJfifDensity() {
        Path jpeg = dir.resolve("letter.jpg");
        LetterScans.toJpeg(letter, 150, jpeg);
        try (ScannedPages pages = reader.open(jpeg, "image/jpeg")) {
            ScannedPage page = pages.page(0);
            assertEquals(1, pages.count());
            assertEquals(BufferedImage.TYPE_BYTE_GRAY, page.image().getType());
            assertEquals(3508, page.image().getHeight());
            assertEquals(150f, page.dpiX(), 0.5);
        }
    }

    @Test
    void readsEveryPageOfAMultiPageTiffWithItsResolution() {
        Path tiff = dir.resolve("three.tif");
        List<BufferedImage> three = List.of(letter, LetterScans.page(LetterScans.Letter.numbered(2)),
                LetterScans.page(LetterScans.Letter.numbered(3)));
        LetterScans.toTiff(three, tiff, "LZW");
        try (ScannedPages pages = reader.open(tiff, "image/tiff")) {
            assertEquals(3, pages.count());
            for (int i = 0; i < 3; i++) {
                ScannedPage page = pages.page(i);
                assertEquals(i, page.index());
                assertEquals(BufferedImage.TYPE_BYTE_GRAY, page.image().getType());
                assertEquals(300f, page.dpiX(), 0.01);
                assertTrue(Arrays.equals(pixels(three.get(i)), pixels(page.image())), "page " + i + " unchanged");
            }
        }
    }

    @Test
    void readsABilevelG4TiffAsGrayCheaplyAndKeepsItsResolution() {
        Path tiff = dir.resolve("fax.tif");
        LetterScans.toTiff(List.of(letter, letter), 400, tiff, "CCITT T.6");
        try (ScannedPages pages = reader.open(tiff, "image/tiff")) {
            assertEquals(2, pages.count());
            long start = System.nanoTime();
            ScannedPage page = pages.page(1);
            System.out.printf("G4 TIFF decode + gray of a %dx%d page: %d ms%n", letter.getWidth(), letter.getHeight(),
                    (System.nanoTime() - start) / 1_000_000);
            assertEquals(BufferedImage.TYPE_BYTE_GRAY, page.image().getType());
            assertEquals(400f, page.dpiY(), 0.01);
            int white = page.image().getRaster().getSample(5, 5, 0);
            assertEquals(255, white);
        }
    }

    @Test
    void readsASinglePageTiff() {
        Path tiff = dir.resolve("one.tif");
        LetterScans.toTiff(List.of(letter), tiff, null);
        try (ScannedPages pages = reader.open(tiff, "image/tiff")) {
            assertEquals(1, pages.count());
            assertEquals(2480, pages.page(0).image().getWidth());
        }
    }

    @Test
    void defaultsTo300DpiWhenTheResolutionIsAbsurd() {
        Path png = dir.resolve("72.png");
        LetterScans.toPng(LetterScans.blank(100, 100), 10, png);
        try (ScannedPages pages = reader.open(png, "image/png")) {
            assertEquals(300f, pages.page(0).dpiX());
        }
    }

    @Test
    void refusesAnImageClaimingFiftyThousandPixelsSquare() throws IOException {
        Path bomb = dir.resolve("bomb.png");
        Files.write(bomb, pngClaiming(50_000, 50_000));
        assertTrue(Files.size(bomb) < 1000);
        long start = System.nanoTime();
        QuarantinedContentException refused = assertThrows(QuarantinedContentException.class, () -> {
            try (ScannedPages pages = reader.open(bomb, "image/png")) {
                pages.page(0);
            }
        });
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("50000 x 50000 PNG refused in %d ms%n", millis);
        assertEquals("The image claims 50000 × 50000 pixels, more than the limit of 150 megapixels per page",
                refused.getMessage());
    }

    @Test
    void refusesATiffPageOverTheLimitBeforeDecodingAny() {
        Path tiff = dir.resolve("big.tif");
        LetterScans.toTiff(List.of(LetterScans.blank(100, 100), letter), tiff, "Deflate");
        ScannedPageReader strict = new ScannedPageReader(ImageLimits.defaults().withMaxPixelsPerPage(1_000_000));
        assertThrows(QuarantinedContentException.class, () -> strict.open(tiff, "image/tiff").close());
    }

    @Test
    void refusesATiffWithMorePagesThanAllowed() {
        Path tiff = dir.resolve("many.tif");
        BufferedImage small = LetterScans.blank(10, 10);
        LetterScans.toTiff(List.of(small, small, small), tiff, null);
        ScannedPageReader strict = new ScannedPageReader(new ImageLimits(1_000_000, 2, 300));
        assertThrows(QuarantinedContentException.class, () -> strict.open(tiff, "image/tiff").close());
    }

    @Test
    void reportsATruncatedPngAsUnreadable() throws IOException {
        Path png = dir.resolve("letter.png");
        LetterScans.toPng(letter, png);
        byte[] whole = Files.readAllBytes(png);
        Path truncated = dir.resolve("truncated.png");
        Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));
        UnreadableContentException unreadable = assertThrows(UnreadableContentException.class, () -> {
            try (ScannedPages pages = reader.open(truncated, "image/png")) {
                pages.page(0);
            }
        });
        assertEquals("The image is damaged or incomplete and cannot be read", unreadable.getMessage());
    }

    @Test
    void reportsAnEmptyFileAsUnreadable() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.tif"));
        UnreadableContentException unreadable = assertThrows(UnreadableContentException.class,
                () -> reader.open(empty, "image/tiff"));
        assertEquals("The file is empty", unreadable.getMessage());
    }

    @Test
    void reportsGarbageAsUnreadable() throws IOException {
        Path garbage = Files.writeString(dir.resolve("garbage.tif"), "II*\0 this is not a TIFF at all");
        assertThrows(UnreadableContentException.class, () -> {
            try (ScannedPages pages = reader.open(garbage, "image/tiff")) {
                pages.page(0);
            }
        });
    }

    @Test
    void rejectsOtherMediaTypes() {
        assertThrows(IllegalArgumentException.class, () -> reader.open(dir.resolve("x.gif"), "image/gif"));
    }

    private static byte[] pixels(BufferedImage gray) {
        return ((java.awt.image.DataBufferByte) gray.getRaster().getDataBuffer()).getData();
    }

    /** A PNG whose header claims the given size, with valid CRCs and a few bytes of compressed pixels. */
    static byte[] pngClaiming(int width, int height) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(png, "IHDR", header.array());
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[4096]);
        deflater.finish();
        byte[] compressed = new byte[256];
        int length = deflater.deflate(compressed);
        chunk(png, "IDAT", Arrays.copyOf(compressed, length));
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        png.write(ByteBuffer.allocate(4).putInt(data.length).array());
        png.write(typeBytes);
        png.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        png.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
