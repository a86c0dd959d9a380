package de.akte.core.application.mail;

import de.akte.core.application.documents.DocumentIntake;
import de.akte.core.application.documents.DocumentPlacement;
import de.akte.core.application.documents.NewDocument;
import de.akte.core.application.documents.Provenance;
import de.akte.core.audit.AuditAction;
import de.akte.core.audit.AuditTrail;
import de.akte.core.casefile.CaseFile;
import de.akte.core.casefile.CaseFileRepository;
import de.akte.core.casefile.Process;
import de.akte.core.document.ContentDescriptor;
import de.akte.core.mail.MessageKey;
import de.akte.core.mail.ReceivedMessage;
import de.akte.core.mail.ReceivedMessageRepository;
import de.akte.core.mail.ReceivedMessageState;
import de.akte.core.security.Access;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.security.SystemActor;
import de.akte.core.shared.Clock;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.shared.Page;
import de.akte.core.shared.UnitOfWork;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recording e-mail messages, exactly once per department and {@link MessageKey}. The bytes of a message and its
 * parts are stored first ({@link #store}); then one transaction records the process (Vorgang), the message as its
 * lead document, every part as a document of its own and the received-message row whose unique key makes a second
 * sight a duplicate. Only after that committed may the mailbox flag the message; a crash in between leaves an
 * unflagged message whose next sight finds it {@link #settled}.
 * <p>
 * A process lives in a case file: with the mailbox's case file the message becomes a new process there; without one
 * (or with a closed one) its documents wait unfiled in the department, the attachments pointing to the message
 * they were cut from, because Akte never invents a case file: opening one is the registry's decision.
 */
public class MessageIntake {

    /** The document type of a message's lead document. */
    public static final String MESSAGE_TYPE = "E-Mail";

    private final UnitOfWork unitOfWork;
    private final ReceivedMessageRepository messages;
    private final DocumentIntake documents;
    private final DocumentPlacement placement;
    private final CaseFileRepository caseFiles;
    private final AuditTrail audit;
    private final Clock clock;
    private final int attemptLimit;

    /** @param attemptLimit how many failed attempts make a message a poison message that is not tried again */
    public MessageIntake(UnitOfWork unitOfWork, ReceivedMessageRepository messages, DocumentIntake documents,
                         DocumentPlacement placement, CaseFileRepository caseFiles, AuditTrail audit, Clock clock,
                         int attemptLimit) {
        if (attemptLimit < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
        this.unitOfWork = unitOfWork;
        this.messages = messages;
        this.documents = documents;
        this.placement = placement;
        this.caseFiles = caseFiles;
        this.audit = audit;
        this.clock = clock;
        this.attemptLimit = attemptLimit;
    }

    /** Who records a mailbox's messages: the mail intake, reaching only the mailbox's department. */
    public static Caller actor(MailTarget target) {
        return SystemActor.MAILBOX.caller(Set.of(target.department()));
    }

    /**
     * The message if it needs no more work: stored (flag it on the server) or refused (a poison message, flag it
     * as such). A message whose earlier attempt failed is empty here: it is tried again.
     */
    public Optional<ReceivedMessageView> settled(MailTarget target, MessageKey key) {
        return unitOfWork.call(() -> messages.find(target.department(), key)
                .filter(m -> m.state() != ReceivedMessageState.FAILED).map(ReceivedMessageView::of));
    }

    /**
     * Checks that the target's department exists, before any message is touched: a mistake in the configuration is
     * the mailbox's problem, never a message's.
     */
    public void requireTarget(MailTarget target) {
        unitOfWork.call(() -> placement.department(actor(target), target.department()));
    }

    /** Stores bytes of a message (the original or a part) before any row names them. */
    public ContentDescriptor store(MailTarget target, String fileName, InputStream bytes) {
        return documents.store(actor(target), fileName, bytes);
    }

    /** The outcome of recording: the message's row, and whether it had been recorded before. */
    public record Recorded(ReceivedMessageView message, boolean duplicate) {
    }

    /** Records a message whose bytes are stored; a message recorded before is not recorded again. */
    public Recorded record(MailTarget target, TakenApartMessage message) {
        Caller actor = actor(target);
        Recorded recorded;
        try {
            recorded = unitOfWork.call(() -> recordOnce(target, actor, message));
        } catch (InvalidInputException e) {
            throw e;
        } catch (RuntimeException e) {
            // another mailbox or server recorded the same message at the same moment: the unique key refused ours
            Optional<ReceivedMessageView> other = settled(target, message.key()).filter(ReceivedMessageView::stored);
            if (other.isPresent()) {
                return new Recorded(other.get(), true);
            }
            throw e;
        }
        if (!recorded.duplicate()) {
            documents.committed();
        }
        return recorded;
    }

    private Recorded recordOnce(MailTarget target, Caller actor, TakenApartMessage message) {
        Optional<ReceivedMessage> earlier = messages.find(target.department(), message.key());
        if (earlier.isPresent() && earlier.get().state() == ReceivedMessageState.STORED) {
            return new Recorded(ReceivedMessageView.of(earlier.get()), true);
        }
        ReceivedMessage row = earlier.orElseGet(() -> {
            ReceivedMessage fresh = newRow(target, message.key(), message.headers(), message.original().sha256());
            messages.add(fresh);
            return fresh;
        });
        List<String> notes = new ArrayList<>(message.notes());
        placement.department(actor, target.department());
        Process process = openProcess(target, actor, message.headers(), notes);
        String caseFile = process == null ? null : process.caseFile().fileReference().value();
        String origin = "e-mail " + message.key().value() + " from mailbox " + target.mailbox();

        Map<String, String> leadMetadata = new LinkedHashMap<>(message.headers().metadata());
        leadMetadata.put("mail.attachments", Integer.toString(message.parts().size()));
        if (!notes.isEmpty()) {
            leadMetadata.put("mail.notes", String.join("; ", notes));
        }
        long lead = documents.create(actor, new NewDocument(message.headers().title(), caseFile, target.department(),
                        MESSAGE_TYPE, message.original().fileName()), message.headers().day().orElse(null),
                message.original(), origin, new Provenance(process, null, leadMetadata));
        for (MessagePart part : message.parts()) {
            Map<String, String> metadata = new LinkedHashMap<>(part.metadata());
            metadata.put("mail.part", part.path());
            metadata.put("mail.message", Long.toString(lead));
            documents.create(actor, new NewDocument(part.title(), caseFile, target.department(), null,
                            part.content().fileName()), null, part.content(), origin + ", part " + part.path(),
                    new Provenance(process, lead, metadata));
        }
        row.stored(process == null ? null : process.id(), lead, 1 + message.parts().size(),
                notes.isEmpty() ? null : String.join("; ", notes), clock.now());
        return new Recorded(ReceivedMessageView.of(row), false);
    }

    // the message's process in the mailbox's case file; without an open one of the department, none (and a note)
    private Process openProcess(MailTarget target, Caller actor, MessageHeaders headers, List<String> notes) {
        if (target.caseFile() == null) {
            return null;
        }
        Optional<CaseFile> caseFile = placement.anyCaseFile(target.caseFile())
                .filter(c -> c.department().code().equals(target.department()));
        if (caseFile.isEmpty()) {
            notes.add("the mailbox names case file " + target.caseFile() + ", which is no case file of department "
                    + target.department() + "; the message waits unfiled");
            return null;
        }
        if (caseFile.get().isClosed()) {
            notes.add("case file " + target.caseFile() + " is closed (zdA); the message waits unfiled");
            return null;
        }
        Process process = new Process(caseFile.get(), headers.title(), clock.now(), actor.username());
        caseFiles.addProcess(process);
        audit.record(actor.username(), AuditAction.CREATE, "process", process.id().toString(),
                "caseFile=" + caseFile.get().fileReference() + "; title=" + process.title() + "; e-mail from "
                        + target.mailbox());
        return process;
    }

    /**
     * Records that storing a message failed; after the attempt limit it is refused for good (a poison message).
     * Returns the message's row as it stands now.
     */
    public ReceivedMessageView failed(MailTarget target, MessageKey key, MessageHeaders headers, String sha256,
                                      String reason) {
        return unitOfWork.call(() -> {
            ReceivedMessage row = row(target, key, headers, sha256);
            if (row.state() == ReceivedMessageState.STORED) {
                return ReceivedMessageView.of(row);
            }
            if (row.failed(reason, attemptLimit, clock.now())) {
                audit.record(actor(target).username(), AuditAction.CREATE, "received-message", row.id().toString(),
                        "refused after " + row.attempts() + " attempts: " + reason);
            }
            return ReceivedMessageView.of(row);
        });
    }

    /** Records a message that can never be stored (e.g. larger than the limit), with the reason; not tried again. */
    public ReceivedMessageView refuse(MailTarget target, MessageKey key, MessageHeaders headers, String sha256,
                                      String reason) {
        return unitOfWork.call(() -> {
            ReceivedMessage row = row(target, key, headers, sha256);
            if (row.state() != ReceivedMessageState.STORED) {
                row.refused(reason, clock.now());
                audit.record(actor(target).username(), AuditAction.CREATE, "received-message", row.id().toString(),
                        "refused: " + reason);
            }
            return ReceivedMessageView.of(row);
        });
    }

    private ReceivedMessage row(MailTarget target, MessageKey key, MessageHeaders headers, String sha256) {
        return messages.find(target.department(), key).orElseGet(() -> {
            ReceivedMessage fresh = newRow(target, key, headers, sha256);
            messages.add(fresh);
            return fresh;
        });
    }

    private ReceivedMessage newRow(MailTarget target, MessageKey key, MessageHeaders headers, String sha256) {
        return new ReceivedMessage(target.department(), key, target.mailbox(), headers.messageId(), sha256,
                headers.subject(), headers.from(), clock.now());
    }

    /** Administrators: the received messages, newest first, optionally of one mailbox and one state. */
    public Page<ReceivedMessageView> list(Caller caller, String mailbox, String state, int page, int size) {
        Access.requireAnyRole(caller, Role.ADMIN);
        if (page < 0 || size < 1 || size > 200) {
            throw new InvalidInputException("size", "page from 0, size from 1 to 200");
        }
        ReceivedMessageState wanted = state(state);
        String box = mailbox == null || mailbox.isBlank() ? null : mailbox.strip();
        return unitOfWork.call(() -> new Page<>(messages.count(box, wanted), page, size,
                messages.list(box, wanted, page * size, size).stream().map(ReceivedMessageView::of).toList()));
    }

    private static ReceivedMessageState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return ReceivedMessageState.valueOf(state.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("state", "state is STORED, FAILED or REFUSED");
        }
    }
}
