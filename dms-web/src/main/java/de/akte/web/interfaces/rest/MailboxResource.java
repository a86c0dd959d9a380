package de.akte.web.interfaces.rest;

import de.akte.core.application.mail.MessageIntake;
import de.akte.core.application.mail.ReceivedMessageView;
import de.akte.core.shared.Page;
import de.akte.ingest.mail.MailboxStatus;
import de.akte.ingest.mail.Mailboxes;
import de.akte.web.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * Administrators: the configured mailboxes with their last look and state, and the messages taken in (stored,
 * failed, refused with the reason). Its own root path, so that it is not shadowed by {@link AdminResource}.
 */
@Path("/admin/mailboxes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MailboxResource {

    private final Mailboxes mailboxes;
    private final MessageIntake messages;
    private final CurrentCaller caller;

    @Inject
    public MailboxResource(Mailboxes mailboxes, MessageIntake messages, CurrentCaller caller) {
        this.mailboxes = mailboxes;
        this.messages = messages;
        this.caller = caller;
    }

    /** For the CDI proxy and RESTEasy's resource validation; never used to serve requests. */
    public MailboxResource() {
        this(null, null, null);
    }

    /** Each mailbox: where it is, whose its messages are, state and reason, last look, counts since the start. */
    @GET
    public List<MailboxStatus> all() {
        return mailboxes.statuses(caller.get());
    }

    /** The messages taken in, newest first: {@code ?mailbox=}, {@code ?state=STORED|FAILED|REFUSED}, paged. */
    @GET
    @Path("messages")
    public Page<ReceivedMessageView> messages(@QueryParam("mailbox") String mailbox, @QueryParam("state") String state,
                                              @QueryParam("page") String page, @QueryParam("size") String size) {
        return messages.list(caller.get(), mailbox, state, Params.page(page), Params.size(size));
    }
}
