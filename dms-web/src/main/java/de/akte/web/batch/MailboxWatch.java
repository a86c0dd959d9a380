package de.akte.web.batch;

import de.akte.core.application.mail.MessageIntake;
import de.akte.ingest.mail.ImapMailbox;
import de.akte.ingest.mail.Mailboxes;
import de.akte.web.infrastructure.AkteSettings;
import de.akte.web.infrastructure.ApplicationStarted;
import de.akte.web.infrastructure.ApplicationStopping;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads the configured mailboxes ({@code AKTE_MAILBOXES}): each mailbox's cycle (take in what waits, then IDLE or
 * wait up to its poll interval) runs again and again on the container's scheduler, one thread per mailbox.
 */
@ApplicationScoped
public class MailboxWatch {

    private static final Logger LOG = Logger.getLogger(MailboxWatch.class.getName());

    @Resource
    private ManagedScheduledExecutorService executor;

    @Inject
    private MessageIntake intake;

    private volatile Mailboxes mailboxes = Mailboxes.none();
    private final List<ScheduledFuture<?>> cycles = new ArrayList<>();

    /** Starts reading once the application is up, if mailboxes are configured. */
    void start(@Observes ApplicationStarted started) {
        AkteSettings settings = started.settings();
        if (settings.mail().mailboxes().isEmpty()) {
            return;
        }
        mailboxes = Mailboxes.of(settings.mail().mailboxes(), intake, settings.mail().limits(),
                settings.spoolDir().resolve("mail"), executor, Clock.systemUTC());
        for (ImapMailbox mailbox : mailboxes.all()) {
            cycles.add(executor.scheduleWithFixedDelay(() -> cycle(mailbox), 0, 1, TimeUnit.SECONDS));
            LOG.info("reading the mailbox " + mailbox.settings() + " (IDLE where the server offers it, else every "
                    + mailbox.settings().pollInterval().toSeconds() + " s)");
        }
    }

    /** Stops reading before the workers stop. */
    void stop(@Observes ApplicationStopping stopping) {
        mailboxes.close();
        cycles.forEach(c -> c.cancel(false));
    }

    @Produces
    @Dependent
    Mailboxes mailboxes() {
        return mailboxes;
    }

    private static void cycle(ImapMailbox mailbox) {
        try {
            mailbox.cycle();
        } catch (Throwable e) {
            // a scheduled task that throws is never run again: log and keep reading
            LOG.log(Level.WARNING, "mailbox " + mailbox.settings().name() + " failed, trying again", e);
        }
    }
}
