package de.akte.ingest.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Raw e-mail messages for tests, written out line by line (CRLF, as IMAP hands them over) so that tests control
 * every byte, including the broken ones.
 */
public final class MailMessages {

    private MailMessages() {
    }

    /** An attachment: file name, content type and bytes. */
    public record Attachment(String fileName, String contentType, byte[] bytes) {

        public static Attachment text(String fileName, String text) {
            return new Attachment(fileName, "text/plain; charset=UTF-8", text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A message with a text body and the attachments (base64), multipart/mixed. */
    public static byte[] message(String messageId, String subject, String body, List<Attachment> attachments) {
        StringBuilder m = new StringBuilder();
        m.append("From: Erika Mustermann <erika@example.org>\r\n");
        m.append("To: Bauaufsicht <bau@stadt.example>\r\n");
        m.append("Cc: Registratur <registratur@stadt.example>\r\n");
        m.append("Subject: ").append(subject).append("\r\n");
        m.append("Date: Tue, 1 Dec 2026 10:15:00 +0100\r\n");
        if (messageId != null) {
            m.append("Message-ID: ").append(messageId).append("\r\n");
        }
        m.append("MIME-Version: 1.0\r\n");
        if (attachments.isEmpty()) {
            m.append("Content-Type: text/plain; charset=UTF-8\r\n\r\n").append(body).append("\r\n");
            return bytes(m);
        }
        String boundary = "==akte-boundary-" + Math.abs((messageId + subject).hashCode());
        m.append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\r\n\r\n");
        m.append("--").append(boundary).append("\r\n");
        m.append("Content-Type: text/plain; charset=UTF-8\r\n");
        m.append("Content-Transfer-Encoding: 8bit\r\n\r\n").append(body).append("\r\n");
        for (Attachment a : attachments) {
            m.append("--").append(boundary).append("\r\n");
            m.append("Content-Type: ").append(a.contentType()).append("; name=\"").append(a.fileName()).append("\"\r\n");
            m.append("Content-Disposition: attachment; filename=\"").append(a.fileName()).append("\"\r\n");
            if (a.contentType().startsWith("message/")) {
                // an attached message goes in as it is (RFC 2046 allows no encoding of message/rfc822 but 7/8bit)
                m.append("\r\n").append(new String(a.bytes(), StandardCharsets.UTF_8));
            } else {
                m.append("Content-Transfer-Encoding: base64\r\n\r\n");
                m.append(Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(a.bytes()));
                m.append("\r\n");
            }
        }
        m.append("--").append(boundary).append("--\r\n");
        return bytes(m);
    }

    /** An attachment holding another message (message/rfc822, unencoded). */
    public static Attachment attached(String fileName, byte[] message) {
        return new Attachment(fileName, "message/rfc822", message);
    }

    /** A ZIP of the given entries (name, text). */
    public static byte[] zip(String... namesAndTexts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndTexts.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndTexts[i]));
                zip.write(namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A ZIP with one entry of {@code bytes} zeros: tiny, expanding far past any sane ratio. */
    public static byte[] zipBomb(long bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("zeros.txt"));
            byte[] block = new byte[1 << 20];
            for (long written = 0; written < bytes; written += block.length) {
                zip.write(block, 0, (int) Math.min(block.length, bytes - written));
            }
            zip.closeEntry();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(StringBuilder m) {
        return m.toString().getBytes(StandardCharsets.UTF_8);
    }
}
