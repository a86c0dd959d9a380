package de.akte.ingest.mail;

import de.akte.core.application.mail.MessageHeaders;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import java.io.UnsupportedEncodingException;
import java.util.Date;

/** Reads the headers people care about from a message, decoding what can be decoded and keeping the rest raw. */
final class MailHeaders {

    /** A message whose headers could not be read at all. */
    static final MessageHeaders NONE = new MessageHeaders(null, null, null, null, null, null);

    private static final int LONGEST = 2000;

    private MailHeaders() {
    }

    static MessageHeaders of(MimeMessage message) {
        Date sent = safe(message::getSentDate);
        return new MessageHeaders(safe(message::getMessageID), header(message, "From"), header(message, "To"),
                header(message, "Cc"), safe(() -> decode(message.getHeader("Subject", " "))),
                sent == null ? null : sent.toInstant());
    }

    private static String header(MimeMessage message, String name) {
        return safe(() -> decode(message.getHeader(name, ", ")));
    }

    /**
     * Decodes encoded words ({@code =?UTF-8?Q?…?=}); a word in an unknown or wrong charset stays as it was sent, so
     * nothing is lost and nothing fails.
     */
    static String decode(String raw) {
        if (raw == null) {
            return null;
        }
        String unfolded = MimeUtility.unfold(raw).strip();
        String decoded;
        try {
            decoded = MimeUtility.decodeText(unfolded);
        } catch (UnsupportedEncodingException | RuntimeException unknownCharset) {
            decoded = unfolded;
        }
        StringBuilder clean = new StringBuilder(Math.min(decoded.length(), LONGEST));
        decoded.codePoints().limit(LONGEST).forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return clean.toString().strip();
    }

    private interface HeaderRead<T> {
        T read() throws MessagingException;
    }

    private static <T> T safe(HeaderRead<T> read) {
        try {
            return read.read();
        } catch (MessagingException | RuntimeException unreadable) {
            return null;
        }
    }
}
