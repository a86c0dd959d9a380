package de.akte.ingest.extract;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Test documents generated in memory, so that no binary fixture needs to be committed. */
final class Fixtures {

    /** 2024-03-01T10:15:30Z, the creation date written into generated PDFs. */
    static final Calendar CREATED = utc(2024, Calendar.MARCH, 1, 10, 15, 30);

    private Fixtures() {
    }

    /** A PDF with one line of text per page; {@code null} makes a page holding only an image. */
    static byte[] pdf(List<String> pageTexts) {
        return pdf(pageTexts, null);
    }

    static byte[] encryptedPdf(String userPassword, List<String> pageTexts) {
        return pdf(pageTexts, userPassword);
    }

    private static byte[] pdf(List<String> pageTexts, String userPassword) {
        try (PDDocument document = new PDDocument()) {
            PDType1Font helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (String text : pageTexts) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    if (text == null) {
                        PDImageXObject image = LosslessFactory.createFromImage(document, picture());
                        content.drawImage(image, 72, 500, 300, 150);
                    } else {
                        content.beginText();
                        content.setFont(helvetica, 12);
                        content.newLineAtOffset(72, 750);
                        content.showText(text);
                        content.endText();
                    }
                }
            }
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Bescheid über Gebühren");
            info.setAuthor("Stadtverwaltung Musterstadt");
            info.setCreationDate(CREATED);
            if (userPassword != null) {
                StandardProtectionPolicy policy =
                        new StandardProtectionPolicy("owner-secret", userPassword, new AccessPermission());
                policy.setEncryptionKeyLength(256);
                document.protect(policy);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF with one line of text per page and another file attached to the document (not to a page). */
    static byte[] pdfWithAttachment(List<String> pageTexts, String attachmentName, byte[] attachment) {
        try (PDDocument document = Loader.loadPDF(pdf(pageTexts))) {
            PDEmbeddedFile embedded = new PDEmbeddedFile(document, new ByteArrayInputStream(attachment));
            embedded.setSubtype("application/pdf");
            embedded.setSize(attachment.length);
            PDComplexFileSpecification file = new PDComplexFileSpecification();
            file.setFile(attachmentName);
            file.setFileUnicode(attachmentName);
            file.setEmbeddedFile(embedded);
            file.setEmbeddedFileUnicode(embedded);
            PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
            files.setNames(Map.of(attachmentName, file));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
            names.setEmbeddedFiles(files);
            document.getDocumentCatalog().setNames(names);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG showing large, clear text, as a scanner would deliver it. */
    static byte[] png(String text) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(picture(text), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage picture() {
        return picture("Unterschrift");
    }

    private static BufferedImage picture(String text) {
        BufferedImage image = new BufferedImage(600, 150, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 600, 150);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 48));
        g.drawString(text, 20, 95);
        g.dispose();
        return image;
    }

    static byte[] docx(String title, String author, List<String> paragraphs) {
        try (XWPFDocument document = new XWPFDocument()) {
            for (String paragraph : paragraphs) {
                document.createParagraph().createRun().setText(paragraph);
            }
            document.getProperties().getCoreProperties().setTitle(title);
            document.getProperties().getCoreProperties().setCreator(author);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A workbook with one sheet per entry; each sheet holds its texts in column A. */
    static byte[] xlsx(List<String> sheetNames, List<List<String>> sheetCells) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            for (int s = 0; s < sheetNames.size(); s++) {
                XSSFSheet sheet = workbook.createSheet(sheetNames.get(s));
                List<String> cells = sheetCells.get(s);
                for (int r = 0; r < cells.size(); r++) {
                    sheet.createRow(r).createCell(0).setCellValue(cells.get(r));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The smallest OpenDocument text a reader accepts: mimetype (first, stored), content.xml and manifest. */
    static byte[] odt(String paragraph) {
        String content = """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
                  <office:body><office:text><text:p>%s</text:p></office:text></office:body>
                </office:document-content>
                """.formatted(paragraph);
        String manifest = """
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
                    manifest:version="1.2">
                  <manifest:file-entry manifest:full-path="/"
                      manifest:media-type="application/vnd.oasis.opendocument.text"/>
                  <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
                </manifest:manifest>
                """;
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(UTF_8);
                ZipEntry entry = new ZipEntry("mimetype");
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(mimetype.length);
                CRC32 crc = new CRC32();
                crc.update(mimetype);
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(mimetype);
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry("content.xml"));
                zip.write(content.getBytes(UTF_8));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
                zip.write(manifest.getBytes(UTF_8));
                zip.closeEntry();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A ZIP holding one text file of {@code size} equal letters: tiny packed, huge unpacked. */
    static byte[] zipBomb(int size) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                zip.putNextEntry(new ZipEntry("inhalt.txt"));
                byte[] chunk = "a".repeat(1 << 16).getBytes(UTF_8);
                for (int written = 0; written < size; written += chunk.length) {
                    zip.write(chunk);
                }
                zip.closeEntry();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String eml(String body) {
        return """
                From: Erika Mustermann <erika@example.org>
                To: Bauamt Musterstadt <bauamt@musterstadt.example>
                Subject: =?UTF-8?Q?Bauantrag_M=C3=BChlenweg_3?=
                Date: Tue, 5 Mar 2024 09:30:00 +0100
                Message-ID: <4711@example.org>
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: 8bit

                %s
                """.formatted(body).replace("\n", "\r\n");
    }

    /** An e-mail with a text body and a PDF attached. */
    static String emlWithPdf(String body, byte[] pdf) {
        String attachment = Base64.getMimeEncoder().encodeToString(pdf);
        return """
                From: Erika Mustermann <erika@example.org>
                To: Bauamt Musterstadt <bauamt@musterstadt.example>
                Subject: Unterlagen
                Date: Tue, 5 Mar 2024 09:30:00 +0100
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="grenze"

                --grenze
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: 8bit

                %s
                --grenze
                Content-Type: application/pdf; name="plan.pdf"
                Content-Disposition: attachment; filename="plan.pdf"
                Content-Transfer-Encoding: base64

                %s
                --grenze--
                """.formatted(body, attachment).replace("\n", "\r\n");
    }

    private static Calendar utc(int year, int month, int day, int hour, int minute, int second) {
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.clear();
        calendar.set(year, month, day, hour, minute, second);
        return calendar;
    }
}
