package de.akte.ingest.pdfa;

import de.akte.core.text.UnreadableContentException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Writes the searchable PDF/A-2b archival rendition: original page images plus an invisible OCR text layer. */
public final class ArchivalPdfWriter {

    public ArchivalPdfWriter() {
        // stateless: a writer may be shared; every call builds its own document
    }

    /** Builds a PDF/A-2b from page images. */
    public void writeImages(List<ImagePage> pages, ArchivalMetadata metadata, OutputStream out) throws IOException {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(out, "out");
        if (pages == null || pages.isEmpty()) {
            throw new IllegalArgumentException("At least one page is needed");
        }
        try (PDDocument doc = new PDDocument()) {
            doc.setVersion(1.7f);
            TextLayer text = null;
            for (ImagePage p : pages) {
                PDImageXObject image = PageImages.embed(doc, p);
                // page size from the stored resolution, so the image is shown at its physical size
                float width = p.widthPx() / p.dpiX() * 72f;
                float height = p.heightPx() / p.dpiY() * 72f;
                PDRectangle box = new PDRectangle(width, height);
                PDPage page = new PDPage(box);
                page.setRotation(p.rotation());
                doc.addPage(page);
                // upright x runs along raw y for quarter turns, hence the swapped resolutions
                boolean quarter = p.rotation() == 90 || p.rotation() == 270;
                PageGeometry geometry = new PageGeometry(box, p.rotation(),
                        72f / (quarter ? p.dpiY() : p.dpiX()), 72f / (quarter ? p.dpiX() : p.dpiY()));
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawImage(image, 0, 0, width, height);
                    if (!p.words().isEmpty()) {
                        text = text != null ? text : new TextLayer(PdfAConformance.loadFont(doc));
                        text.draw(cs, geometry, p.words());
                    }
                }
            }
            PdfAConformance.apply(doc, metadata);
            doc.save(out);
        }
    }

    /** Copies an image-only (scanned) PDF, adds the text layer and makes it PDF/A-2b. */
    public void writePdf(Path sourcePdf, List<PdfPageWords> pages, ArchivalMetadata metadata, OutputStream out)
            throws IOException {
        Objects.requireNonNull(sourcePdf, "sourcePdf");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(out, "out");
        try (PDDocument doc = load(sourcePdf)) {
            int pageCount = doc.getNumberOfPages();
            TextLayer text = null;
            for (PdfPageWords words : pages == null ? List.<PdfPageWords>of() : pages) {
                if (words.pageIndex() >= pageCount) {
                    throw new IllegalArgumentException("Page " + (words.pageIndex() + 1) + " does not exist; "
                            + sourcePdf.getFileName() + " has " + pageCount + " page(s)");
                }
                PDPage page = doc.getPage(words.pageIndex());
                int rotation = Rotations.normalise(page.getRotation() + words.extraRotation());
                page.setRotation(rotation);
                if (words.words().isEmpty()) {
                    continue;
                }
                // PDFRenderer renders the CropBox, so that is the frame the OCR pixels refer to
                PDRectangle box = page.getCropBox();
                PageGeometry frame = new PageGeometry(box, rotation, 72f / words.dpi(), 72f / words.dpi());
                // prefer the exact upright pixel size: the renderer rounds the image size to whole pixels
                float sx = words.uprightWidthPx() > 0 ? frame.uprightWidth() / words.uprightWidthPx() : frame.ptPerPxX();
                float sy = words.uprightHeightPx() > 0 ? frame.uprightHeight() / words.uprightHeightPx() : frame.ptPerPxY();
                PageGeometry geometry = new PageGeometry(box, rotation, sx, sy);
                text = text != null ? text : new TextLayer(PdfAConformance.loadFont(doc));
                // resetContext wraps the old content in q/Q so a CTM it leaves behind cannot displace our text
                try (PDPageContentStream cs = new PDPageContentStream(doc, page,
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    text.draw(cs, geometry, words.words());
                }
            }
            replaceLzw(doc);
            PdfAConformance.apply(doc, metadata);
            doc.save(out);
        }
    }

    private static PDDocument load(Path sourcePdf) {
        if (!Files.isReadable(sourcePdf)) {
            throw new UnreadableContentException("The PDF " + sourcePdf.getFileName()
                    + " does not exist or cannot be read.");
        }
        try {
            PDDocument doc = Loader.loadPDF(sourcePdf.toFile());
            // PDF/A forbids encryption; a PDF that opened without a password only has permission flags to drop
            doc.setAllSecurityToBeRemoved(true);
            return doc;
        } catch (InvalidPasswordException e) {
            throw new UnreadableContentException("The PDF " + sourcePdf.getFileName()
                    + " is password protected and cannot be archived.", e);
        } catch (IOException e) {
            throw new UnreadableContentException("The PDF " + sourcePdf.getFileName()
                    + " is damaged or not a PDF: " + e.getMessage(), e);
        }
    }

    /** LZWDecode is forbidden in PDF/A-2 (6.1.7.2); such streams are re-compressed with Flate, content unchanged. */
    private static void replaceLzw(PDDocument doc) throws IOException {
        for (var obj : doc.getDocument().getXrefTable().keySet()) {
            COSBase base = doc.getDocument().getObjectFromPool(obj).getObject();
            if (base instanceof COSStream stream && usesLzw(stream.getFilters())) {
                byte[] decoded;
                try (var in = stream.createInputStream()) {
                    decoded = in.readAllBytes();
                }
                stream.removeItem(COSName.DECODE_PARMS);
                stream.removeItem(COSName.DP);
                try (var o = stream.createOutputStream(COSName.FLATE_DECODE)) {
                    o.write(decoded);
                }
            }
        }
    }

    private static boolean usesLzw(COSBase filters) {
        if (COSName.LZW_DECODE.equals(filters)) {
            return true;
        }
        if (filters instanceof COSArray array) {
            for (COSBase f : array) {
                if (COSName.LZW_DECODE.equals(f) || COSName.LZW_DECODE_ABBREVIATION.equals(f)) {
                    return true;
                }
            }
        }
        return COSName.LZW_DECODE_ABBREVIATION.equals(filters);
    }
}
