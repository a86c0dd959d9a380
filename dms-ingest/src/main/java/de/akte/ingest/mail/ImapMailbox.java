package de.akte.ingest.mail;

import de.akte.core.application.mail.MailTarget;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.NotTerm;
import jakarta.mail.search.OrTerm;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPInputStream;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.IMAPStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One IMAP mailbox, read with Jakarta Mail (Angus Mail). Each {@link #cycle} receives every message not yet marked
 * as Akte's, then waits for news: with IDLE (RFC 2177) until the server announces mail or the poll interval is
 * over, without it for the poll interval. A message is marked on the server only after its records are committed:
 * the keyword {@value #STORED} and \Seen (or it is moved to the configured folder); a refused (poison) message gets
 * {@value #REFUSED} and stays unread for a person to look at. A crash between commit and mark costs nothing: the
 * next sight finds the message recorded and only marks it.
 * <p>
 * Messages are fetched with BODY.PEEK in blocks straight into a spool file, so the raw message, byte for byte, never
 * sits in the heap; a message the server announces (or turns out) larger than the limit is refused unfetched.
 */
public final class ImapMailbox implements AutoCloseable {

    /** The keyword of a message whose records are committed. */
    public static final String STORED = "$AkteStored";
    /** The keyword of a message Akte refused, with its reason in the received-message records. */
    public static final String REFUSED = "$AkteRefused";

    private static final Logger LOG = Logger.getLogger(ImapMailbox.class.getName());
    private static final int FETCH_BLOCK = 1 << 20;

    private final MailboxSettings settings;
    private final MessageReception reception;
    private final MailLimits limits;
    private final Path spool;
    private final ScheduledExecutorService timer;
    private final Clock clock;
    private final Session session;
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile MailboxStatus status;
    private volatile Boolean idleOffered;
    private Store store;
    private IMAPFolder folder;
    private volatile boolean closed;

    /**
     * @param spool where messages wait on disk while they are taken in
     * @param timer ends an IDLE after the poll interval
     */
    public ImapMailbox(MailboxSettings settings, MessageReception reception, MailLimits limits, Path spool,
                       ScheduledExecutorService timer, Clock clock) {
        this.settings = settings;
        this.reception = reception;
        this.limits = limits;
        this.spool = spool;
        this.timer = timer;
        this.clock = clock;
        this.session = Session.getInstance(properties(settings));
        this.status = status("STARTING", null, null, null);
    }

    public MailboxSettings settings() {
        return settings;
    }

    public MailboxStatus status() {
        return status;
    }

    /** Receives what is waiting, then waits for news (IDLE) up to the poll interval. Never throws. */
    public void cycle() {
        if (!poll()) {
            sleep(settings.pollInterval());
        } else {
            awaitNews();
        }
        if (closed) {
            disconnect();
        }
    }

    /** Receives every message not yet marked; true if the mailbox could be read. Never throws. */
    public boolean poll() {
        Instant at = clock.instant();
        try {
            int received = receiveWaiting(at);
            status = status("UP", null, at, at);
            if (received > 0) {
                LOG.fine(() -> "mailbox " + settings.name() + ": " + received + " message(s) taken in");
            }
            return true;
        } catch (MessagingException | RuntimeException e) {
            String reason = reason(e);
            if (!"DOWN".equals(status.state()) || !reason.equals(status.reason())) {
                LOG.log(Level.WARNING, "mailbox " + settings + " cannot be read, trying again: " + reason);
            }
            status = status("DOWN", reason, at, status.lastSuccessAt());
            disconnect();
            return false;
        }
    }

    private int receiveWaiting(Instant at) throws MessagingException {
        reception.check(settings.target());
        IMAPFolder inbox = open();
        // readable: UP already while a long backlog is taken in
        status = status("UP", null, at, at);
        // a NOOP first: the folder learns of messages appended since it was opened (EXISTS), or SEARCH would name
        // sequence numbers it does not know yet
        inbox.doCommand(protocol -> {
            protocol.noop();
            return null;
        });
        Message[] waiting = inbox.search(new NotTerm(new OrTerm(new FlagTerm(new Flags(STORED), true),
                new FlagTerm(new Flags(REFUSED), true))));
        int count = 0;
        for (Message message : waiting) {
            if (closed) {
                break;
            }
            receive(inbox, (IMAPMessage) message);
            count++;
        }
        return count;
    }

    private void receive(IMAPFolder inbox, IMAPMessage message) throws MessagingException {
        MailTarget target = settings.target();
        int size = message.getSize();
        if (size > limits.maxMessageBytes()) {
            MessageReception.Outcome outcome = reception.refuse(target,
                    de.akte.core.mail.MessageKey.of(message.getMessageID(), "unfetched-uid-" + inbox.getUID(message)),
                    new de.akte.core.application.mail.MessageHeaders(message.getMessageID(),
                            null, null, null, safeSubject(message), null),
                    "the message is " + size + " bytes, more than the limit of " + limits.maxMessageBytes()
                            + " (AKTE_MAIL_MAX_MESSAGE_BYTES); it was not fetched and stays in the mailbox");
            mark(inbox, message, outcome.result());
            return;
        }
        Path raw = spoolFile();
        try {
            String sha256 = fetch(message, raw);
            MessageReception.Outcome outcome = reception.receive(target, raw, sha256);
            mark(inbox, message, outcome.result());
        } finally {
            try {
                Files.deleteIfExists(raw);
            } catch (IOException ignored) {
                // a leftover spool file costs disk only
            }
        }
    }

    // fetches BODY[] with PEEK in blocks into the file, hashing as it goes; refuses to grow past the limit
    private String fetch(IMAPMessage message, Path raw) throws MessagingException {
        try (InputStream in = new IMAPInputStream(message, null, -1, true);
             DigestOutputStream out = new DigestOutputStream(Files.newOutputStream(raw), sha256())) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > limits.maxMessageBytes()) {
                    throw new MessagingException("the message grew past the limit of " + limits.maxMessageBytes()
                            + " bytes while it was fetched");
                }
                out.write(buffer, 0, n);
            }
            out.flush();
            return HexFormat.of().formatHex(out.getMessageDigest().digest());
        } catch (IOException e) {
            throw new MessagingException("could not fetch the message: " + e.getMessage(), e);
        }
    }

    private void mark(IMAPFolder inbox, IMAPMessage message, MessageReception.Result result)
            throws MessagingException {
        switch (result) {
            case STORED, ALREADY_STORED -> {
                if (result == MessageReception.Result.STORED) {
                    stored.incrementAndGet();
                } else {
                    duplicates.incrementAndGet();
                }
                Flags flags = new Flags(STORED);
                flags.add(Flags.Flag.SEEN);
                message.setFlags(flags, true);
                if (settings.moveTo() != null) {
                    inbox.moveMessages(new Message[]{message}, inbox.getStore().getFolder(settings.moveTo()));
                }
            }
            case REFUSED -> {
                refused.incrementAndGet();
                message.setFlags(new Flags(REFUSED), true);
            }
            case FAILED -> failed.incrementAndGet();
        }
    }

    /** Waits for news up to the poll interval: IDLE where the server offers it, else a plain wait. */
    private void awaitNews() {
        IMAPFolder watched = folder;
        if (watched == null || !Boolean.TRUE.equals(idleOffered) || closed) {
            sleep(settings.pollInterval());
            return;
        }
        // any command on the folder from another thread ends the IDLE: a NOOP after the poll interval
        ScheduledFuture<?> wakeUp = timer.schedule(() -> noop(watched), settings.pollInterval().toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            watched.idle(true);
        } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.FINE, "IDLE of mailbox " + settings.name() + " ended", e);
        } finally {
            wakeUp.cancel(false);
        }
    }

    private static void noop(IMAPFolder watched) {
        try {
            watched.doCommandIgnoreFailure(protocol -> {
                protocol.simpleCommand("NOOP", null);
                return null;
            });
        } catch (MessagingException | RuntimeException ignored) {
            // the folder closed meanwhile: the IDLE has ended anyway
        }
    }

    private IMAPFolder open() throws MessagingException {
        if (folder != null && folder.isOpen() && store.isConnected()) {
            return folder;
        }
        disconnect();
        store = session.getStore(settings.security() == MailboxSettings.Security.IMAPS ? "imaps" : "imap");
        store.connect(settings.host(), settings.port(), settings.user(), settings.password());
        IMAPFolder opened = (IMAPFolder) store.getFolder(settings.folder());
        opened.open(Folder.READ_WRITE);
        if (!opened.getPermanentFlags().contains(Flags.Flag.USER)) {
            opened.close(false);
            throw new MessagingException("the folder " + settings.folder() + " keeps no keywords of its own, so "
                    + "Akte cannot mark what it took in; this IMAP server is not supported");
        }
        if (settings.moveTo() != null && !store.getFolder(settings.moveTo()).exists()) {
            opened.close(false);
            throw new MessagingException("the folder " + settings.moveTo() + " (moveTo) does not exist");
        }
        idleOffered = ((IMAPStore) store).hasCapability("IDLE");
        folder = opened;
        return opened;
    }

    private void disconnect() {
        try {
            if (folder != null && folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException | RuntimeException ignored) {
            // the connection is gone already
        }
        try {
            if (store != null) {
                store.close();
            }
        } catch (MessagingException | RuntimeException ignored) {
            // the connection is gone already
        }
        folder = null;
        store = null;
    }

    private void sleep(Duration duration) {
        try {
            long until = System.nanoTime() + duration.toNanos();
            while (!closed && System.nanoTime() < until) {
                Thread.sleep(Math.min(250, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops: ends an IDLE under way and signs out. */
    @Override
    public void close() {
        closed = true;
        IMAPFolder watched = folder;
        if (watched != null) {
            noop(watched);
        }
    }

    /** Signs out; for the thread that ran the cycles, once they stopped. */
    public void disconnectNow() {
        disconnect();
    }

    private MailboxStatus status(String state, String reason, Instant pollAt, Instant successAt) {
        return new MailboxStatus(settings.name(), settings.department(), settings.caseFile(), settings.host(),
                settings.folder(), state, reason, idleOffered, pollAt, successAt, stored.get(), duplicates.get(),
                refused.get(), failed.get());
    }

    private Path spoolFile() {
        try {
            return Files.createTempFile(Files.createDirectories(spool), "message-", ".eml");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool a message in " + spool, e);
        }
    }

    private static String safeSubject(Message message) {
        try {
            return message.getSubject();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static String reason(Exception e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static Properties properties(MailboxSettings settings) {
        Properties p = new Properties();
        String protocol = settings.security() == MailboxSettings.Security.IMAPS ? "imaps" : "imap";
        p.setProperty("mail." + protocol + ".connectiontimeout", "15000");
        p.setProperty("mail." + protocol + ".timeout", "120000");
        p.setProperty("mail." + protocol + ".fetchsize", Integer.toString(FETCH_BLOCK));
        p.setProperty("mail." + protocol + ".partialfetch", "true");
        p.setProperty("mail." + protocol + ".ssl.checkserveridentity", "true");
        if (settings.security() == MailboxSettings.Security.STARTTLS) {
            p.setProperty("mail.imap.starttls.enable", "true");
            p.setProperty("mail.imap.starttls.required", "true");
        }
        return p;
    }
}
