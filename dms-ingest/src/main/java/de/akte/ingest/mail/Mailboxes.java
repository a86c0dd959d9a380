package de.akte.ingest.mail;

import de.akte.core.application.mail.MessageIntake;
import de.akte.core.security.Access;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/** The configured mailboxes, each with its own connection; the server runs their cycles on its scheduler. */
public final class Mailboxes implements AutoCloseable {

    private final List<ImapMailbox> mailboxes;

    private Mailboxes(List<ImapMailbox> mailboxes) {
        this.mailboxes = List.copyOf(mailboxes);
    }

    /**
     * The mailboxes of the settings, taking their messages apart within the limits.
     *
     * @param spool where messages and their attached containers wait on disk while they are taken in
     * @param timer ends an IDLE after a mailbox's poll interval
     */
    public static Mailboxes of(List<MailboxSettings> settings, MessageIntake intake, MailLimits limits, Path spool,
                               ScheduledExecutorService timer, Clock clock) {
        MessageReception reception = new MessageReception(intake, new MessageDisassembler(intake, limits,
                spool.resolve("parts")));
        return new Mailboxes(settings.stream()
                .map(s -> new ImapMailbox(s, reception, limits, spool.resolve("messages"), timer, clock)).toList());
    }

    /** No mailboxes: e-mail intake is off. */
    public static Mailboxes none() {
        return new Mailboxes(List.of());
    }

    public List<ImapMailbox> all() {
        return mailboxes;
    }

    /** Administrators: how each mailbox is doing. */
    public List<MailboxStatus> statuses(Caller caller) {
        Access.requireAnyRole(caller, Role.ADMIN);
        return mailboxes.stream().map(ImapMailbox::status).toList();
    }

    /** Ends the IDLEs under way; the cycles then stop at once. */
    @Override
    public void close() {
        mailboxes.forEach(ImapMailbox::close);
    }
}
