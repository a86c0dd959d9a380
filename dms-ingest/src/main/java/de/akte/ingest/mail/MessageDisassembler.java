package de.akte.ingest.mail;

import de.akte.core.application.mail.MailTarget;
import de.akte.core.application.mail.MessageHeaders;
import de.akte.core.application.mail.MessageIntake;
import de.akte.core.application.mail.MessagePart;
import de.akte.core.application.mail.TakenApartMessage;
import de.akte.core.document.ContentDescriptor;
import de.akte.core.mail.MessageKey;
import de.akte.ingest.imports.source.ImportSource;
import de.akte.ingest.imports.source.ImportSourceException;
import de.akte.ingest.imports.source.RefusedFile;
import de.akte.ingest.imports.source.SourceFile;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.util.SharedFileInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Takes a message apart: stores the original exactly as it arrived, then every attachment as a part of its own,
 * recursively into attached messages and ZIPs, within {@link MailLimits}. The message is read from its spooled file
 * ({@link SharedFileInputStream}: parts are ranges of the file, never copies in memory), and every part is streamed
 * to the blob store. Nothing a message holds stops the work: whatever cannot be read, stored or opened is noted
 * with the reason and stays within the original.
 */
public final class MessageDisassembler {

    private final MessageIntake intake;
    private final MailLimits limits;
    private final Path spool;
    private final Session session;

    /** @param spool where attached messages and ZIPs wait on disk while they are opened */
    public MessageDisassembler(MessageIntake intake, MailLimits limits, Path spool) {
        this.intake = intake;
        this.limits = limits;
        this.spool = spool;
        Properties lenient = new Properties();
        // real mail is sloppy: take what can be read rather than refusing the whole message
        lenient.setProperty("mail.mime.multipart.allowempty", "true");
        lenient.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        lenient.setProperty("mail.mime.address.strict", "false");
        lenient.setProperty("mail.mime.parameters.strict", "false");
        // headers in raw UTF-8 (RFC 6532), as many mail programs send them today
        lenient.setProperty("mail.mime.allowutf8", "true");
        this.session = Session.getInstance(lenient);
    }

    /** The key of a spooled message: its Message-ID, else the SHA-256 of its bytes. */
    public MessageKey key(Path raw, String sha256) {
        try (SharedFileInputStream in = new SharedFileInputStream(raw.toFile())) {
            return MessageKey.of(new MimeMessage(session, in).getMessageID(), sha256);
        } catch (IOException | MessagingException | RuntimeException unreadable) {
            // a message whose headers cannot be read is known by its bytes
            return MessageKey.of(null, sha256);
        }
    }

    /** The headers of a spooled message, as far as they can be read. */
    public MessageHeaders headers(Path raw) {
        try (SharedFileInputStream in = new SharedFileInputStream(raw.toFile())) {
            return MailHeaders.of(new MimeMessage(session, in));
        } catch (IOException | MessagingException | RuntimeException unreadable) {
            return MailHeaders.NONE;
        }
    }

    /**
     * Stores the message and its parts. The original is stored first and must be: if the store refuses it (too
     * large, an executable), the exception is passed on and nothing is recorded.
     */
    public TakenApartMessage takeApart(MailTarget target, Path raw, MessageKey key) {
        Work work = new Work(target, key);
        try {
            Path dir = Files.createDirectories(spool).resolve("message-" + System.nanoTime());
            Files.createDirectory(dir);
            try {
                return work.run(raw, dir);
            } finally {
                delete(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool the message's parts in " + spool, e);
        }
    }

    /** The state of one message's taking apart: its parts so far, its notes, its spooled containers. */
    private final class Work {
        private final MailTarget target;
        private final MessageKey key;
        private final List<MessagePart> parts = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private boolean partsFull;
        private int spooled;
        private Path dir;

        Work(MailTarget target, MessageKey key) {
            this.target = target;
            this.key = key;
        }

        TakenApartMessage run(Path raw, Path workDir) throws IOException {
            this.dir = workDir;
            MessageHeaders headers = MailHeaders.NONE;
            MimeMessage message = null;
            try (SharedFileInputStream in = new SharedFileInputStream(raw.toFile())) {
                try {
                    message = new MimeMessage(session, in);
                    headers = MailHeaders.of(message);
                } catch (MessagingException | RuntimeException e) {
                    notes.add("the message's headers could not be read (" + reason(e) + "); it is kept whole");
                }
                ContentDescriptor original;
                try (InputStream bytes = Files.newInputStream(raw)) {
                    original = intake.store(target, PartNames.messageFile(headers.subject()), bytes);
                }
                if (message != null) {
                    walk(message, "", 0);
                }
                return new TakenApartMessage(key, headers, original, parts, notes);
            }
        }

        /** A part of the message: a multipart is descended into, an attachment is stored (and opened if it can). */
        private void walk(MimePart part, String path, int depth) {
            if (partsFull) {
                return;
            }
            String type = contentType(part);
            try {
                if (type.startsWith("multipart/")) {
                    if (depth >= limits.maxDepth()) {
                        notes.add(where(path) + "multiparts nested deeper than " + limits.maxDepth()
                                + " levels were not opened; they stay within the original");
                        return;
                    }
                    MimeMultipart multipart = new MimeMultipart(new MimePartDataSource(part));
                    int count = multipart.getCount();
                    for (int i = 0; i < count && !partsFull; i++) {
                        BodyPart child = multipart.getBodyPart(i);
                        if (child instanceof MimePart mime) {
                            walk(mime, path, depth + 1);
                        }
                    }
                    if (!multipart.isComplete()) {
                        notes.add(where(path) + "a multipart ends without its closing boundary; what it held is kept"
                                + " as far as it could be read");
                    }
                } else if (part instanceof MimeMessage) {
                    // the message itself: its body text is in the original, not an attachment
                    if (!type.startsWith("text/") && isAttachment(part, type)) {
                        keep(part, type, path, depth);
                    }
                } else if (isAttachment(part, type)) {
                    keep(part, type, path, depth);
                }
            } catch (MessagingException | IOException | RuntimeException e) {
                notes.add(where(path) + "a part could not be read (" + reason(e) + "); it stays within the original");
            }
        }

        private void keep(MimePart part, String type, String path, int depth) throws MessagingException, IOException {
            String name = PartNames.attachmentFile(fileNameOf(part), type, parts.size() + 1);
            String partPath = PartNames.join(path, name);
            if (type.equals("message/rfc822") || type.equals("message/global")) {
                Path copy = spoolPart(part, partPath);
                MessageHeaders nested = headers(copy);
                String title = nested.subject() == null ? PartNames.title(name) : nested.title();
                if (add(copy, name, title, partPath, nested.metadata()) && depth + 1 <= limits.maxDepth()) {
                    openMessage(copy, partPath, depth + 1);
                } else if (depth + 1 > limits.maxDepth()) {
                    notes.add(partPath + ": attached messages nested deeper than " + limits.maxDepth()
                            + " levels were not opened; it is kept as it is");
                }
            } else if (isZip(type, name)) {
                Path copy = spoolPart(part, partPath);
                if (add(copy, name, PartNames.title(name), partPath, Map.of())) {
                    openZip(copy, partPath, depth + 1);
                }
            } else {
                try (InputStream in = decoded(part, partPath)) {
                    store(in, name, PartNames.title(name), partPath, Map.of());
                }
            }
        }

        private void openMessage(Path copy, String path, int depth) {
            try (SharedFileInputStream in = new SharedFileInputStream(copy.toFile())) {
                walk(new MimeMessage(session, in), path, depth);
            } catch (IOException | MessagingException | RuntimeException e) {
                notes.add(path + ": the attached message could not be taken apart (" + reason(e)
                        + "); it is kept as it is");
            }
        }

        private void openZip(Path copy, String path, int depth) {
            if (depth > limits.maxDepth()) {
                notes.add(path + ": ZIPs nested deeper than " + limits.maxDepth()
                        + " levels were not opened; it is kept as it is");
                return;
            }
            try (ImportSource zip = ImportSource.unzip(copy, limits.zip())) {
                for (RefusedFile refused : zip.refused()) {
                    notes.add(PartNames.join(path, refused.path()) + ": " + refused.reason());
                }
                for (SourceFile file : zip.files()) {
                    if (partsFull) {
                        return;
                    }
                    String name = PartNames.attachmentFile(PartNames.lastSegment(file.path()), null, parts.size() + 1);
                    String entryPath = PartNames.join(path, file.path());
                    if (isZip(null, name)) {
                        if (add(file.file(), name, PartNames.title(name), entryPath, Map.of())) {
                            openZip(file.file(), entryPath, depth + 1);
                        }
                    } else if (name.toLowerCase(Locale.ROOT).endsWith(".eml")) {
                        MessageHeaders nested = headers(file.file());
                        if (add(file.file(), name, nested.subject() == null ? PartNames.title(name) : nested.title(),
                                entryPath, nested.metadata())) {
                            openMessage(file.file(), entryPath, depth + 1);
                        }
                    } else {
                        add(file.file(), name, PartNames.title(name), entryPath, Map.of());
                    }
                }
            } catch (ImportSourceException e) {
                notes.add(path + ": the ZIP was not opened: " + e.getMessage() + "; it is kept as it is");
            }
        }

        private boolean add(Path file, String name, String title, String path, Map<String, String> metadata) {
            try (InputStream in = Files.newInputStream(file)) {
                return store(in, name, title, path, metadata);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Stores one part; a refusal (empty, an executable, too large) is noted. True when it was stored. */
        private boolean store(InputStream in, String name, String title, String path, Map<String, String> metadata) {
            if (parts.size() >= limits.maxParts()) {
                if (!partsFull) {
                    partsFull = true;
                    notes.add("the message has more than " + limits.maxParts() + " parts: the first "
                            + limits.maxParts() + " are kept as documents of their own, the rest only within the "
                            + "original");
                }
                return false;
            }
            try {
                ContentDescriptor stored = intake.store(target, name, in);
                parts.add(new MessagePart(stored, title, path, metadata));
                return true;
            } catch (de.akte.core.shared.InvalidInputException
                     | de.akte.core.application.documents.UnacceptableContentException
                     | de.akte.core.storage.BlobTooLargeException e) {
                notes.add(path + ": not kept as a document of its own: " + reason(e));
                return false;
            }
        }

        private Path spoolPart(MimePart part, String path) throws MessagingException, IOException {
            Path copy = dir.resolve("part-" + (spooled++));
            try (InputStream in = decoded(part, path)) {
                Files.copy(in, copy);
            }
            return copy;
        }

        // the part's bytes as sent, transfer encoding undone; an unknown encoding leaves them as they are
        private InputStream decoded(MimePart part, String path) throws MessagingException, IOException {
            try {
                return part.getInputStream();
            } catch (MessagingException | IOException e) {
                notes.add(path + ": its transfer encoding could not be undone (" + reason(e)
                        + "); it is kept as it was sent");
                return part instanceof jakarta.mail.internet.MimeBodyPart body ? body.getRawInputStream()
                        : ((MimeMessage) part).getRawInputStream();
            }
        }
    }

    private static String where(String path) {
        return path.isEmpty() ? "" : path + ": ";
    }

    private static String contentType(MimePart part) {
        try {
            String raw = part.getContentType();
            return raw == null ? "text/plain" : new ContentType(raw).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException unparseable) {
            // RFC 2045: a Content-Type that cannot be read counts as text/plain … but a named file stays a file
            return "application/octet-stream";
        }
    }

    private static String fileNameOf(MimePart part) {
        try {
            return MailHeaders.decode(part.getFileName());
        } catch (MessagingException | RuntimeException unreadable) {
            return null;
        }
    }

    /** An attachment rather than the message's own text: named, marked as attachment, or of a non-text type. */
    private static boolean isAttachment(MimePart part, String type) throws MessagingException {
        String disposition;
        try {
            disposition = part.getDisposition();
        } catch (MessagingException | RuntimeException e) {
            disposition = null;
        }
        if (Part.ATTACHMENT.equalsIgnoreCase(disposition)) {
            return true;
        }
        boolean named = fileNameOf(part) != null;
        if (type.startsWith("text/plain") || type.startsWith("text/html")) {
            return named && !Part.INLINE.equalsIgnoreCase(disposition);
        }
        // inline pictures of an HTML body (logos, signatures) are referenced by Content-ID: part of the text
        if (part.getContentID() != null && !named) {
            return false;
        }
        return !type.startsWith("multipart/");
    }

    private static boolean isZip(String type, String name) {
        return "application/zip".equals(type) || "application/x-zip-compressed".equals(type)
                || name.toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover spool file costs disk only; it names no record
        }
    }
}
