package de.akte.ingest.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** PDFs crafted to hurt a parser, written object by object (PDFBox would refuse to write them). */
public final class HostilePdfs {

    private HostilePdfs() {
    }

    /**
     * One page under a page tree nested {@code depth} levels deep, each level a /Pages node with one kid. PDFBox
     * walks the tree recursively, so a deep enough one (100,000 levels: about 10 MB) ends in a StackOverflowError
     * on a thread of the usual 1 MB stack, in Tika's extraction as in the page reader.
     */
    public static byte[] deepPageTree(int depth) {
        String[] objects = new String[depth + 2];
        objects[0] = "<< /Type /Catalog /Pages 2 0 R >>";
        for (int i = 0; i < depth; i++) {
            int id = 2 + i;
            objects[1 + i] = "<< /Type /Pages /Kids [" + (id + 1) + " 0 R] /Count 1"
                    + (i > 0 ? " /Parent " + (id - 1) + " 0 R" : "") + " >>";
        }
        objects[depth + 1] = "<< /Type /Page /Parent " + (depth + 1) + " 0 R /MediaBox [0 0 595 842] >>";
        return pdf(objects);
    }

    /**
     * A page bomb: three pages with media boxes of 14,400 × 14,400 points at a user unit of 75 (the largest PDF
     * allows), about 5 km square. They have no text, so they are "scans": each is rendered at the most pixels a page
     * may have, and several of those in flight exhaust a reader's 512 MiB.
     */
    public static byte[] giantMediaBox() {
        return pdf("<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R 5 0 R 6 0 R] /Count 3 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] /UserUnit 75 /Contents 4 0 R >>",
                stream("0 0 14400 14400 re S"),
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] /UserUnit 75 /Contents 4 0 R >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] /UserUnit 75 /Contents 4 0 R >>");
    }

    /**
     * A Type3 font whose only glyph shows itself: rendering the page recurses without end. Its text is one letter,
     * too little for a born-digital page, so the page is rendered for OCR.
     */
    public static byte[] selfDrawingType3Glyph() {
        return pdf("<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
                        + "/Contents 4 0 R >>",
                stream("BT /F1 24 Tf 72 700 Td (a) Tj ET"),
                "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0] "
                        + "/CharProcs << /a 6 0 R >> /Encoding << /Type /Encoding /Differences [97 /a] >> "
                        + "/FirstChar 97 /LastChar 97 /Widths [1000] /Resources << /Font << /F1 5 0 R >> >> >>",
                stream("1000 0 0 0 1000 1000 d1 BT /F1 1000 Tf 0 0 Td (a) Tj ET"));
    }

    /**
     * A tiling pattern whose cell is filled with the pattern itself: each cell asks for a cell, and the renderer
     * recurses without end.
     */
    public static byte[] selfFilledTilingPattern() {
        return pdf("<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Pattern << /P1 5 0 R >> >> "
                        + "/Contents 4 0 R >>",
                stream("/Pattern cs /P1 scn 0 0 595 842 re f"),
                streamWith("/Type /Pattern /PatternType 1 /PaintType 1 /TilingType 1 /BBox [0 0 100 100] "
                        + "/XStep 100 /YStep 100 /Resources << /Pattern << /P1 5 0 R >> >>",
                        "/Pattern cs /P1 scn 0 0 100 100 re f"));
    }

    private static String stream(String content) {
        return streamWith("", content);
    }

    private static String streamWith(String dictionary, String content) {
        return "<< " + dictionary + " /Length " + content.getBytes(StandardCharsets.ISO_8859_1).length + " >>\nstream\n"
                + content + "\nendstream";
    }

    /** A PDF of the given objects, numbered from 1 (the first is the catalog), with a correct cross-reference. */
    private static byte[] pdf(String... objects) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1));
        long[] offsets = new long[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = out.size();
            out.writeBytes(((i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        long xref = out.size();
        StringBuilder tail = new StringBuilder("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (long offset : offsets) {
            tail.append(String.format("%010d 00000 n \n", offset));
        }
        tail.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        out.writeBytes(tail.toString().getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }
}
