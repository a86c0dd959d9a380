package de.akte.ingest.pdfa;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;

/** The document-level parts PDF/A-2b needs: XMP with pdfaid, a matching Info dictionary, an sRGB output intent, an embeddable font. */
final class PdfAConformance {
    static final String PRODUCER = "Akte";

    /**
     * Liberation Sans ships inside the PDFBox jar (its fallback font, SIL OFL), so no OS font and no extra artifact
     * is needed. It covers Latin incl. German (ä ö ü ß €), Greek and Cyrillic. Embedding (as a subset) is chosen
     * over a non-embedded standard font because PDF/A-2 requires embedded fonts for all text, rendering mode 3
     * included (veraPDF rule 6.2.11.4.1), and WinAnsi standard fonts could not carry € or non-Latin-1 text anyway.
     */
    private static final String FONT_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private static volatile byte[] fontBytes;
    private static volatile byte[] srgbProfile;

    private PdfAConformance() {
    }

    static PDType0Font loadFont(PDDocument doc) throws IOException {
        return PDType0Font.load(doc, new ByteArrayInputStream(fontBytes()), true);
    }

    private static byte[] fontBytes() throws IOException {
        byte[] bytes = fontBytes;
        if (bytes == null) {
            try (InputStream in = PDType0Font.class.getResourceAsStream(FONT_RESOURCE)) {
                if (in == null) {
                    throw new IOException("Font " + FONT_RESOURCE + " not found on the class path (PDFBox jar)");
                }
                bytes = in.readAllBytes();
            }
            fontBytes = bytes;
        }
        return bytes;
    }

    private static byte[] srgbProfile() {
        byte[] bytes = srgbProfile;
        if (bytes == null) {
            bytes = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
            srgbProfile = bytes;
        }
        return bytes;
    }

    /** Replaces XMP, Info and output intents of {@code doc} with PDF/A-2b conforming ones. */
    static void apply(PDDocument doc, ArchivalMetadata metadata) throws IOException {
        PDDocumentCatalog catalog = doc.getDocumentCatalog();
        Instant created = metadata.created().truncatedTo(ChronoUnit.SECONDS);
        // cleaned once so Info and XMP carry exactly the same strings
        String title = clean(metadata.title());
        String author = clean(metadata.author());

        // Info must say the same as XMP (PDF/A-2 6.6.2.3.1), so it is rebuilt rather than merged with old entries
        PDDocumentInformation info = new PDDocumentInformation();
        if (title != null) {
            info.setTitle(title);
        }
        if (author != null) {
            info.setAuthor(author);
        }
        info.setProducer(PRODUCER);
        info.setCreator(PRODUCER);
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(created.toEpochMilli());
        info.setCreationDate(calendar);
        info.setModificationDate(calendar);
        doc.setDocumentInformation(info);

        PDMetadata xmp = new PDMetadata(doc);
        try (var out = xmp.getCOSObject().createOutputStream()) {
            out.write(xmp(title, author, created).getBytes(StandardCharsets.UTF_8));
        }
        catalog.setMetadata(xmp);

        PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(srgbProfile()));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        catalog.getCOSObject().removeItem(COSName.OUTPUT_INTENTS);
        catalog.addOutputIntent(intent);

        // forbidden in PDF/A-2 (6.1.2 / 6.6.1); a scanned PDF may still carry them from its producer
        catalog.getCOSObject().removeItem(COSName.AA);
        catalog.getCOSObject().removeItem(COSName.getPDFName("NeedsRendering"));
        if (doc.getVersion() < 1.4f || doc.getVersion() > 1.7f) {
            doc.setVersion(1.7f);
        }
    }

    private static String xmp(String title, String author, Instant created) {
        String date = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(created.atOffset(ZoneOffset.UTC));
        StringBuilder x = new StringBuilder(2048);
        x.append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
                .append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n")
                .append("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
                .append("<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n")
                .append("<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n")
                .append("</rdf:Description>\n")
                .append("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n")
                .append("<dc:format>application/pdf</dc:format>\n");
        if (title != null) {
            x.append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">").append(escape(title))
                    .append("</rdf:li></rdf:Alt></dc:title>\n");
        }
        if (author != null) {
            x.append("<dc:creator><rdf:Seq><rdf:li>").append(escape(author))
                    .append("</rdf:li></rdf:Seq></dc:creator>\n");
        }
        x.append("</rdf:Description>\n")
                .append("<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n")
                .append("<xmp:CreateDate>").append(date).append("</xmp:CreateDate>\n")
                .append("<xmp:ModifyDate>").append(date).append("</xmp:ModifyDate>\n")
                .append("<xmp:MetadataDate>").append(date).append("</xmp:MetadataDate>\n")
                .append("<xmp:CreatorTool>").append(PRODUCER).append("</xmp:CreatorTool>\n")
                .append("</rdf:Description>\n")
                .append("<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n")
                .append("<pdf:Producer>").append(PRODUCER).append("</pdf:Producer>\n")
                .append("</rdf:Description>\n")
                .append("</rdf:RDF>\n</x:xmpmeta>\n")
                .append("<?xpacket end=\"w\"?>");
        return x.toString();
    }

    /** Null for blank; otherwise without control characters, which XML 1.0 (XMP) cannot carry. */
    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(s.length());
        s.strip().codePoints().filter(cp -> !Character.isISOControl(cp)).forEach(b::appendCodePoint);
        return b.isEmpty() ? null : b.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
