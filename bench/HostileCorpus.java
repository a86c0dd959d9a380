import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * Writes a corpus of hostile files for {@code HostileCorpusRun}: generated monsters (images whose headers claim
 * 100,000 × 100,000 pixels, deep PDF nesting, a 10,000-page PDF, decompression bombs in PDF streams, PNGs and
 * office/ZIP containers, a Type3 font whose glyph draws itself, a giant media box, huge tiling patterns, broken and
 * truncated files) and real-world files that Debian and Maven packages on this machine ship (forensics-samples-files,
 * PDFs under /usr/share/doc, the test data of the installed Python versions, resources inside the jars of the
 * local Maven repository).
 *
 * <pre>
 * java bench/HostileCorpus.java --out target/hostile-corpus [--real-world 1000] [--bomb-mib 512]
 * </pre>
 * Needs no dependency; writes {@code generated/} and {@code real-world/} below {@code --out}.
 */
public class HostileCorpus {

    private static final Set<String> REAL_WORLD_TYPES = Set.of("pdf", "png", "jpg", "jpeg", "gif", "bmp", "tif",
            "tiff", "jp2", "j2k", "webp", "ppm", "pgm", "pbm", "xcf", "docx", "doc", "odt", "ods", "odp", "xlsx", "xls",
            "pptx", "rtf", "html", "htm", "xml", "svg", "eml", "msg", "mbox", "txt", "csv", "json", "zip", "gz", "tar",
            "bz2", "xz", "7z", "wav", "aif", "aiff", "au", "mp3", "ogg", "mp4", "avi", "mpeg", "ttf", "otf", "pfb",
            "afm", "icc", "icm", "ps", "eps", "epub", "chm", "sqlite", "db", "exr", "ico");
    private static final long MAX_REAL_WORLD_BYTES = 20L * 1024 * 1024;

    private final Path generated;
    private final int bombMib;

    HostileCorpus(Path generated, int bombMib) {
        this.generated = generated;
        this.bombMib = bombMib;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(arg(args, "--out", "target/hostile-corpus"));
        int realWorld = Integer.parseInt(arg(args, "--real-world", "1000"));
        int bombMib = Integer.parseInt(arg(args, "--bomb-mib", "512"));
        Path generated = Files.createDirectories(out.resolve("generated"));
        long start = System.nanoTime();
        new HostileCorpus(generated, bombMib).writeAll();
        int copied = realWorld(Files.createDirectories(out.resolve("real-world")), realWorld);
        try (Stream<Path> files = Files.list(generated)) {
            System.out.printf("wrote %d generated and %d real-world files to %s in %.1f s%n", files.count(), copied,
                    out.toAbsolutePath(), (System.nanoTime() - start) / 1e9);
        }
    }

    void writeAll() throws IOException {
        // image headers claiming more pixels than any page has
        write("png-header-100000x100000.png", pngClaiming(100_000, 100_000));
        write("tiff-header-100000x100000.tif", tiffClaiming(100_000, 100_000));
        write("jpeg-header-65535x65535.jpg", jpegClaiming(65_535, 65_535));
        write("gif-header-65535x65535.gif", gifClaiming(65_535, 65_535));
        write("bmp-header-100000x100000.bmp", bmpClaiming(100_000, 100_000));
        write("j2k-header-100000x100000.j2k", j2kClaiming(100_000, 100_000));
        write("tiff-10000-pages-of-header.tif", tiffChain(10_000));
        // decompression bombs that stay under the per-page pixel limit: the budget must admit them one by one
        write("png-bomb-12000x12000.png", pngBomb(12_000, 12_000));
        write("png-bomb-12000x12000-copy.png", pngBomb(12_000, 12_001));
        write("pdf-image-bomb-gray-12000x12000.pdf", imagePdf(12_000, 12_000, "DeviceGray", 1, 1));
        write("pdf-image-bomb-rgb-10000x10000.pdf", imagePdf(10_000, 10_000, "DeviceRGB", 3, 1));
        write("pdf-image-bomb-gray-40-pages.pdf", imagePdf(11_000, 11_000, "DeviceGray", 1, 40));
        write("pdf-flate-bomb-content-" + bombMib + "MiB.pdf", flateBombContentPdf(bombMib));
        write("zip-bomb-" + bombMib + "MiB.zip", zipBomb(bombMib));
        write("zip-in-zip-16x16x64MiB.zip", nestedZipBomb());
        write("docx-bomb-" + bombMib / 2 + "MiB.docx", docxBomb(bombMib / 2));
        write("odt-bomb-" + bombMib / 2 + "MiB.odt", odtBomb(bombMib / 2));
        write("xml-billion-laughs.xml", billionLaughs().getBytes(StandardCharsets.UTF_8));
        write("svg-billion-laughs.svg", billionLaughs().replace("<lolz>", "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>")
                .replace("</lolz>", "</text></svg>").getBytes(StandardCharsets.UTF_8));
        // nesting
        write("pdf-deep-page-tree-100000.pdf", deepPageTree(100_000));
        write("pdf-deep-array-100000.pdf", deepNestingPdf("[", "]", 100_000));
        write("pdf-deep-dictionary-50000.pdf", deepNestingPdf("<< /A ", " >>", 50_000));
        write("pdf-page-tree-cycle.pdf", pdf(List.of(obj("<< /Type /Catalog /Pages 2 0 R >>"),
                obj("<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>"),
                obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"))));
        write("html-deep-div-100000.html", ("<html><body>" + "<div>".repeat(100_000) + "tief"
                + "</div>".repeat(100_000) + "</body></html>").getBytes(StandardCharsets.UTF_8));
        write("rtf-deep-groups-100000.rtf", ("{\\rtf1 " + "{".repeat(100_000) + "tief" + "}".repeat(100_000) + "}")
                .getBytes(StandardCharsets.US_ASCII));
        // pages
        write("pdf-10000-pages-text.pdf", manyPages(10_000, true));
        write("pdf-10000-pages-blank.pdf", manyPages(10_000, false));
        write("pdf-type3-glyph-draws-itself.pdf", type3Recursion());
        write("pdf-giant-mediabox.pdf", pageOfSize("0 0 10000000 10000000"));
        write("pdf-mediabox-1x10000000.pdf", pageOfSize("0 0 1 10000000"));
        write("pdf-tiling-pattern-tiny-steps.pdf", tilingPattern("[0 0 1 1]", "0.001", "0.001"));
        write("pdf-tiling-pattern-huge-tile.pdf", tilingPattern("[0 0 100000 100000]", "100000", "100000"));
        // broken
        byte[] letter = textPdf(List.of("Ein ganz gewöhnlicher Brief an die Bauaufsicht mit genug Text für eine Seite."));
        write("pdf-truncated-half.pdf", java.util.Arrays.copyOf(letter, letter.length / 2));
        write("pdf-header-only.pdf", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
        write("pdf-bad-xref.pdf", new String(letter, StandardCharsets.ISO_8859_1)
                .replaceAll("\\d{10} 00000 n", "9999999999 00000 n").getBytes(StandardCharsets.ISO_8859_1));
        byte[] png = realPng();
        write("png-truncated.png", java.util.Arrays.copyOf(png, png.length / 2));
        byte[] jpeg = realJpeg();
        write("jpeg-truncated.jpg", java.util.Arrays.copyOf(jpeg, jpeg.length / 2));
        write("docx-truncated.docx", java.util.Arrays.copyOf(docxBomb(1), 600));
        byte[] noise = new byte[1 << 20];
        new Random(13).nextBytes(noise);
        write("random-1MiB.bin", noise);
        write("random-with-pdf-header.pdf", concat("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), noise));
        write("random-with-png-header.png", concat(java.util.Arrays.copyOf(png, 33), noise));
    }

    private void write(String name, byte[] content) throws IOException {
        Files.write(generated.resolve(name), content);
    }

    // ---- images ------------------------------------------------------------------------------------------------

    static byte[] pngClaiming(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(out, "IDAT", deflate(new byte[1024]));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** A real gray PNG of {@code width × height} zeros: a few hundred KB that decode to {@code width × height} bytes. */
    static byte[] pngBomb(int width, int height) throws IOException {
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, new Deflater(9), 1 << 16)) {
            byte[] row = new byte[width + 1];
            for (int y = 0; y < height; y++) {
                z.write(row);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    static byte[] tiffClaiming(int width, int height) {
        return tiffChain(1, width, height);
    }

    /** {@code pages} IFDs, each a 1 × 1 gray page; a crafted file may chain millions. */
    static byte[] tiffChain(int pages) {
        return tiffChain(pages, 1, 1);
    }

    private static byte[] tiffChain(int pages, int width, int height) {
        int entries = 9;
        int ifdSize = 2 + entries * 12 + 4;
        ByteBuffer b = ByteBuffer.allocate(8 + pages * ifdSize + 16).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        int pixelOffset = 8 + pages * ifdSize;
        for (int p = 0; p < pages; p++) {
            int next = p == pages - 1 ? 0 : 8 + (p + 1) * ifdSize;
            b.putShort((short) entries);
            tag(b, 256, 4, width);            // ImageWidth
            tag(b, 257, 4, height);           // ImageLength
            tag(b, 258, 3, 8);                // BitsPerSample
            tag(b, 259, 3, 1);                // no compression
            tag(b, 262, 3, 1);                // BlackIsZero
            tag(b, 273, 4, pixelOffset);      // StripOffsets
            tag(b, 277, 3, 1);                // SamplesPerPixel
            tag(b, 278, 4, height);           // RowsPerStrip
            tag(b, 279, 4, 16);               // StripByteCounts: far fewer than claimed
            b.putInt(next);
        }
        return b.array();
    }

    private static void tag(ByteBuffer b, int tag, int type, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(1);
        if (type == 3) {
            b.putShort((short) value).putShort((short) 0);
        } else {
            b.putInt(value);
        }
    }

    static byte[] realPng() throws IOException {
        return encode(sample(), "png");
    }

    static byte[] realJpeg() throws IOException {
        return encode(sample(), "jpeg");
    }

    private static BufferedImage sample() {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                image.getRaster().setSample(x, y, 0, (x * y) & 0xff);
            }
        }
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    /** A real small JPEG whose frame header (SOF) is patched to claim the size. */
    static byte[] jpegClaiming(int width, int height) throws IOException {
        byte[] jpeg = realJpeg();
        for (int i = 2; i < jpeg.length - 9; i++) {
            if ((jpeg[i] & 0xff) == 0xff && ((jpeg[i + 1] & 0xff) == 0xc0 || (jpeg[i + 1] & 0xff) == 0xc2)) {
                ByteBuffer.wrap(jpeg, i + 5, 4).putShort((short) height).putShort((short) width);
                return jpeg;
            }
        }
        throw new IllegalStateException("no SOF in the encoded JPEG");
    }

    static byte[] gifClaiming(int width, int height) throws IOException {
        byte[] gif = encode(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_INDEXED), "gif");
        ByteBuffer b = ByteBuffer.wrap(gif).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(6, (short) width).putShort(8, (short) height);
        for (int i = 13; i < gif.length - 9; i++) {
            if (gif[i] == 0x2c) { // image descriptor
                b.putShort(i + 5, (short) width).putShort(i + 7, (short) height);
                break;
            }
        }
        return gif;
    }

    static byte[] bmpClaiming(int width, int height) throws IOException {
        byte[] bmp = encode(new BufferedImage(8, 8, BufferedImage.TYPE_3BYTE_BGR), "bmp");
        ByteBuffer.wrap(bmp).order(ByteOrder.LITTLE_ENDIAN).putInt(18, width).putInt(22, height);
        return bmp;
    }

    /** A JPEG 2000 codestream whose SIZ marker claims the size, with no tile data. */
    static byte[] j2kClaiming(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(2 + 43 + 14 + 7 + 2);
        b.putShort((short) 0xff4f);                                   // SOC
        b.putShort((short) 0xff51).putShort((short) 41).putShort((short) 0)
                .putInt(width).putInt(height).putInt(0).putInt(0)       // image size and offset
                .putInt(width).putInt(height).putInt(0).putInt(0)       // one tile as large
                .putShort((short) 1).put((byte) 7).put((byte) 1).put((byte) 1);
        b.putShort((short) 0xff52).putShort((short) 12).put((byte) 0).put((byte) 0).putShort((short) 1)
                .put((byte) 0).put((byte) 5).put((byte) 4).put((byte) 4).put((byte) 0).put((byte) 1); // COD
        b.putShort((short) 0xff5c).putShort((short) 5).put((byte) 0x40).putShort((short) 0x4000); // QCD
        b.putShort((short) 0xffd9);                                   // EOC
        return java.util.Arrays.copyOf(b.array(), b.position());
    }

    // ---- PDFs --------------------------------------------------------------------------------------------------

    private static byte[] obj(String dictionary) {
        return dictionary.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] stream(String dictionary, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("<< " + dictionary + " /Length " + data.length + " >>\nstream\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(data);
        out.writeBytes("\nendstream".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /** A PDF of the given objects, numbered from 1 (the first is the catalog), with a correct cross-reference. */
    static byte[] pdf(List<byte[]> objects) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1));
        long[] offsets = new long[objects.size()];
        for (int i = 0; i < objects.size(); i++) {
            offsets[i] = out.size();
            out.writeBytes(((i + 1) + " 0 obj\n").getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(objects.get(i));
            out.writeBytes("\nendobj\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        long xref = out.size();
        StringBuilder tail = new StringBuilder("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (long offset : offsets) {
            tail.append(String.format(Locale.ROOT, "%010d 00000 n \n", offset));
        }
        tail.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        out.writeBytes(tail.toString().getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    static byte[] textPdf(List<String> lines) {
        StringBuilder content = new StringBuilder("BT /F1 11 Tf 50 780 Td 14 TL\n");
        for (String line : lines) {
            content.append('(').append(line).append(") '\n");
        }
        content.append("ET");
        return pdf(List.of(obj("<< /Type /Catalog /Pages 2 0 R >>"), obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
                obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
                        + "/Contents 5 0 R >>"),
                obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"),
                stream("", content.toString().getBytes(StandardCharsets.ISO_8859_1))));
    }

    static byte[] deepPageTree(int depth) {
        List<byte[]> objects = new ArrayList<>();
        objects.add(obj("<< /Type /Catalog /Pages 2 0 R >>"));
        for (int i = 0; i < depth; i++) {
            int id = 2 + i;
            objects.add(obj("<< /Type /Pages /Kids [" + (id + 1) + " 0 R] /Count 1"
                    + (i > 0 ? " /Parent " + (id - 1) + " 0 R" : "") + " >>"));
        }
        objects.add(obj("<< /Type /Page /Parent " + (depth + 1) + " 0 R /MediaBox [0 0 595 842] >>"));
        return pdf(objects);
    }

    static byte[] deepNestingPdf(String open, String close, int depth) {
        return pdf(List.of(obj("<< /Type /Catalog /Pages 2 0 R >>"), obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
                obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Nested 4 0 R >>"),
                obj(open.repeat(depth) + "1" + close.repeat(depth))));
    }

    /** Pages sharing one content stream (with a line of text, or none): small file, many pages. */
    static byte[] manyPages(int pages, boolean text) {
        List<byte[]> objects = new ArrayList<>();
        objects.add(obj("<< /Type /Catalog /Pages 2 0 R >>"));
        StringBuilder kids = new StringBuilder();
        for (int i = 0; i < pages; i++) {
            kids.append(5 + i).append(" 0 R ");
        }
        objects.add(obj("<< /Type /Pages /Kids [" + kids + "] /Count " + pages + " >>"));
        objects.add(obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"));
        objects.add(stream("", (text ? "BT /F1 11 Tf 50 780 Td (Seite einer sehr langen Akte mit vielen Seiten) Tj ET"
                : "0.9 g 50 50 10 10 re f").getBytes(StandardCharsets.ISO_8859_1)));
        for (int i = 0; i < pages; i++) {
            objects.add(obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> "
                    + ">> /Contents 4 0 R >>"));
        }
        return pdf(objects);
    }

    /** Full-page images of flate-compressed zeros: {@code pages} pages sharing one image XObject. */
    static byte[] imagePdf(int width, int height, String colorSpace, int components, int pages) throws IOException {
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(z, new Deflater(9), 1 << 16)) {
            byte[] row = new byte[width * components];
            java.util.Arrays.fill(row, (byte) 0xff);
            for (int y = 0; y < height; y++) {
                out.write(row);
            }
        }
        List<byte[]> objects = new ArrayList<>();
        objects.add(obj("<< /Type /Catalog /Pages 2 0 R >>"));
        StringBuilder kids = new StringBuilder();
        for (int i = 0; i < pages; i++) {
            kids.append(5 + i).append(" 0 R ");
        }
        objects.add(obj("<< /Type /Pages /Kids [" + kids + "] /Count " + pages + " >>"));
        objects.add(stream("/Type /XObject /Subtype /Image /Width " + width + " /Height " + height + " /ColorSpace /"
                + colorSpace + " /BitsPerComponent 8 /Filter /FlateDecode", z.toByteArray()));
        objects.add(stream("", "q 595 0 0 842 0 0 cm /Im1 Do Q".getBytes(StandardCharsets.ISO_8859_1)));
        for (int i = 0; i < pages; i++) {
            objects.add(obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 3 0 R "
                    + ">> >> /Contents 4 0 R >>"));
        }
        return pdf(objects);
    }

    /** A content stream of {@code mib} MiB of spaces, flate-compressed to about a thousandth. */
    static byte[] flateBombContentPdf(int mib) throws IOException {
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(z, new Deflater(9), 1 << 16)) {
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < mib; i++) {
                out.write(spaces);
            }
        }
        return pdf(List.of(obj("<< /Type /Catalog /Pages 2 0 R >>"), obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
                obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"),
                stream("/Filter /FlateDecode", z.toByteArray())));
    }

    static byte[] type3Recursion() {
        return pdf(List.of(obj("<< /Type /Catalog /Pages 2 0 R >>"), obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
                obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
                        + "/Contents 4 0 R >>"),
                stream("", "BT /F1 48 Tf 100 400 Td (aaaa) Tj ET".getBytes(StandardCharsets.ISO_8859_1)),
                obj("<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0] "
                        + "/CharProcs << /a 6 0 R >> /Encoding << /Type /Encoding /Differences [97 /a] >> "
                        + "/FirstChar 97 /LastChar 97 /Widths [1000] /Resources << /Font << /F1 5 0 R >> >> >>"),
                stream("", "1000 0 d0 BT /F1 1000 Tf 0 0 Td (a) Tj ET".getBytes(StandardCharsets.ISO_8859_1))));
    }

    static byte[] pageOfSize(String mediaBox) {
        return pdf(List.of(obj("<< /Type /Catalog /Pages 2 0 R >>"), obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
                obj("<< /Type /Page /Parent 2 0 R /MediaBox [" + mediaBox + "] /Contents 4 0 R >>"),
                stream("", "0.5 g 0 0 100 100 re f".getBytes(StandardCharsets.ISO_8859_1))));
    }

    static byte[] tilingPattern(String bbox, String xStep, String yStep) {
        return pdf(List.of(obj("<< /Type /Catalog /Pages 2 0 R >>"), obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
                obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Pattern << /P1 5 0 R >> >> "
                        + "/Contents 4 0 R >>"),
                stream("", "/Pattern cs /P1 scn 0 0 595 842 re f".getBytes(StandardCharsets.ISO_8859_1)),
                stream("/Type /Pattern /PatternType 1 /PaintType 1 /TilingType 1 /BBox " + bbox + " /XStep " + xStep
                        + " /YStep " + yStep + " /Resources << >>",
                        "0 0 0 rg 0 0 0.5 0.5 re f".getBytes(StandardCharsets.ISO_8859_1))));
    }

    // ---- containers --------------------------------------------------------------------------------------------

    static byte[] zipBomb(int mib) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry("nullen.txt"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < mib; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    static byte[] nestedZipBomb() throws IOException {
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(inner)) {
            zip.setLevel(9);
            byte[] zeros = new byte[1 << 20];
            for (int e = 0; e < 16; e++) {
                zip.putNextEntry(new ZipEntry("teil-" + e + ".txt"));
                for (int i = 0; i < 64; i++) {
                    zip.write(zeros);
                }
                zip.closeEntry();
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int e = 0; e < 16; e++) {
                zip.putNextEntry(new ZipEntry("innen-" + e + ".zip"));
                zip.write(inner.toByteArray());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static byte[] docxBomb(int mib) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas."
                    + "openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/"
                    + "vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/"
                    + "xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-"
                    + "officedocument.wordprocessingml.document.main+xml\"/></Types>");
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas."
                    + "openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas."
                    + "openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
                    + "</Relationships>");
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/"
                    + "wordprocessingml/2006/main\"><w:body>").getBytes(StandardCharsets.UTF_8));
            repeat(zip, "<w:p><w:r><w:t>Bombe</w:t></w:r></w:p>", mib);
            zip.write("</w:body></w:document>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    static byte[] odtBomb(int mib) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry mimetype = new ZipEntry("mimetype");
            byte[] type = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
            mimetype.setMethod(ZipEntry.STORED);
            mimetype.setSize(type.length);
            CRC32 crc = new CRC32();
            crc.update(type);
            mimetype.setCrc(crc.getValue());
            zip.putNextEntry(mimetype);
            zip.write(type);
            zip.closeEntry();
            zip.setLevel(9);
            entry(zip, "META-INF/manifest.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest xmlns:"
                    + "manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"><manifest:file-entry manifest:"
                    + "full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/><manifest:file-"
                    + "entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>");
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content xmlns:office=\"urn:oasis:"
                    + "names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:"
                    + "1.0\"><office:body><office:text>").getBytes(StandardCharsets.UTF_8));
            repeat(zip, "<text:p>Bombe</text:p>", mib);
            zip.write("</office:text></office:body></office:document-content>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static void repeat(OutputStream out, String unit, int mib) throws IOException {
        byte[] block = unit.repeat((1 << 20) / unit.length()).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < mib; i++) {
            out.write(block);
        }
    }

    static String billionLaughs() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            xml.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">\n");
        }
        return xml.append("]>\n<lolz>&lol9;</lolz>\n").toString();
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(9);
        deflater.setInput(data);
        deflater.finish();
        byte[] buffer = new byte[data.length + 64];
        int length = deflater.deflate(buffer);
        deflater.end();
        return java.util.Arrays.copyOf(buffer, length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    // ---- real-world files ----------------------------------------------------------------------------------------

    /** Copies up to {@code limit} files shipped by packages on this machine, spread over their sources. */
    static int realWorld(Path target, int limit) throws IOException {
        List<Path> candidates = new ArrayList<>();
        addTree(candidates, Path.of("/usr/share/forensics-samples"));
        addTree(candidates, Path.of("/usr/share/doc"));
        addTree(candidates, Path.of("/usr/share/pixmaps"));
        addTree(candidates, Path.of("/usr/share/icons"));
        addTree(candidates, Path.of("/usr/share/ghostscript"));
        for (Path python : pythonTestDirectories()) {
            addTree(candidates, python);
        }
        candidates.sort(Comparator.comparing(Path::toString));
        int fromFiles = Math.min(candidates.size(), limit * 2 / 3);
        int copied = 0;
        // every n-th, so that each source is represented when the limit is smaller than what is there
        double step = candidates.isEmpty() ? 1 : Math.max(1.0, candidates.size() / (double) Math.max(1, fromFiles));
        for (double i = 0; i < candidates.size() && copied < fromFiles; i += step) {
            Path source = candidates.get((int) i);
            Path copy = target.resolve(String.format(Locale.ROOT, "%05d-%s", copied,
                    source.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_")));
            Files.copy(source, copy);
            copied++;
        }
        return copied + jarResources(target, limit - copied, copied);
    }

    private static void addTree(List<Path> candidates, Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).filter(HostileCorpus::interesting).forEach(candidates::add);
        } catch (IOException ignored) {
            // an unreadable corner of a test suite is no reason to stop
        }
    }

    private static boolean interesting(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        try {
            return dot > 0 && REAL_WORLD_TYPES.contains(name.substring(dot + 1)) && Files.size(file) > 0
                    && Files.size(file) < MAX_REAL_WORLD_BYTES;
        } catch (IOException e) {
            return false;
        }
    }

    /** The test suite of the newest installed CPython: images, mails, XML, archives, audio, encodings. */
    private static List<Path> pythonTestDirectories() throws IOException {
        Path pyenv = Path.of(System.getProperty("user.home"), ".pyenv", "versions");
        List<Path> roots = new ArrayList<>();
        if (Files.isDirectory(pyenv)) {
            try (Stream<Path> versions = Files.list(pyenv)) {
                versions.sorted(Comparator.comparing((Path v) -> versionKey(v.getFileName().toString())).reversed())
                        .limit(1)
                        .forEach(v -> roots.add(v));
            }
        }
        roots.add(Path.of("/usr/lib"));
        List<Path> tests = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> walk = Files.walk(root, 4)) {
                walk.filter(p -> p.getFileName() != null && p.getFileName().toString().equals("test")
                        && p.getParent() != null && p.getParent().getFileName().toString().startsWith("python3"))
                        .limit(1).forEach(tests::add);
            } catch (IOException ignored) {
                // not there
            }
        }
        return tests;
    }

    private static long versionKey(String version) {
        long key = 0;
        for (String part : (version + ".0.0").split("\\.", 4)) {
            if (part.matches("\\d{1,4}")) {
                key = key * 10_000 + Long.parseLong(part);
            }
        }
        return key;
    }

    /** Documents, images, fonts and colour profiles inside the jars of the local Maven repository. */
    private static int jarResources(Path target, int limit, int numbered) throws IOException {
        Path repository = Path.of(System.getProperty("user.home"), ".m2", "repository");
        if (limit <= 0 || !Files.isDirectory(repository)) {
            return 0;
        }
        List<Path> jars;
        try (Stream<Path> walk = Files.walk(repository)) {
            jars = walk.filter(p -> p.toString().endsWith(".jar") && !p.toString().contains("/de/akte/"))
                    .sorted().toList();
        }
        int copied = 0;
        Set<String> seen = new java.util.HashSet<>();
        for (Path jar : jars) {
            if (copied >= limit) {
                break;
            }
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                int fromThisJar = 0;
                while (entries.hasMoreElements() && copied < limit && fromThisJar < 10) {
                    ZipEntry entry = entries.nextElement();
                    String name = entry.getName().toLowerCase(Locale.ROOT);
                    int dot = name.lastIndexOf('.');
                    String type = dot < 0 ? "" : name.substring(dot + 1);
                    if (entry.isDirectory() || entry.getSize() <= 0 || entry.getSize() > MAX_REAL_WORLD_BYTES
                            || !REAL_WORLD_TYPES.contains(type) || type.equals("xml") || type.equals("txt")
                            || !seen.add(entry.getName().substring(entry.getName().lastIndexOf('/') + 1))) {
                        continue;
                    }
                    String base = entry.getName().substring(entry.getName().lastIndexOf('/') + 1)
                            .replaceAll("[^A-Za-z0-9._-]", "_");
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target.resolve(String.format(Locale.ROOT, "%05d-jar-%s", numbered + copied,
                                base)));
                    }
                    copied++;
                    fromThisJar++;
                }
            } catch (IOException | RuntimeException ignored) {
                // a damaged jar in the cache: skip it
            }
        }
        return copied;
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
