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
