package de.akte.ingest.extract;

import java.util.Locale;

import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaMemoryLimitException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.mime.MediaType;

/**
 * Turns a parser failure into a sentence for clerks and scanning staff; Tika's own messages name classes and
 * offsets, which help nobody in the quarantine list (the exception stays attached as the cause for the log).
 */
final class UnreadableReason {

    private UnreadableReason() {
    }

    static String of(Throwable failure, MediaType type) {
        boolean pdf = "application/pdf".equals(type.getBaseType().toString());
        if (causedBy(failure, ZeroByteFileException.class)) {
            return "The file is empty.";
        }
        if (causedBy(failure, EncryptedDocumentException.class)) {
            return (pdf ? "The PDF" : "The document")
                    + " is password-protected; its text cannot be read without the password.";
        }
        if (causedBy(failure, TikaMemoryLimitException.class) || mentionsZipBomb(failure)) {
            return "The file unpacks to far more data than it contains (a possible compression bomb); it was not read.";
        }
        if (pdf) {
            return "The PDF is damaged or incomplete and could not be read.";
        }
        return "The file (detected as " + type.getBaseType() + ") is damaged or incomplete and could not be read.";
    }

    /** True when the file was refused for unpacking to far more than it holds: a case for quarantine. */
    static boolean isCompressionBomb(Throwable failure) {
        return causedBy(failure, TikaMemoryLimitException.class) || mentionsZipBomb(failure);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    // Tika (SecureContentHandler) and POI (ZipSecureFile) signal bombs only by message, not by type
    private static boolean mentionsZipBomb(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains("zip bomb")) {
                return true;
            }
        }
        return false;
    }
}
