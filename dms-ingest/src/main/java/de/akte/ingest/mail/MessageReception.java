package de.akte.ingest.mail;

import de.akte.core.application.documents.UnacceptableContentException;
import de.akte.core.application.mail.MailTarget;
import de.akte.core.application.mail.MessageHeaders;
import de.akte.core.application.mail.MessageIntake;
import de.akte.core.application.mail.ReceivedMessageView;
import de.akte.core.mail.MessageKey;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.storage.BlobStoreException;
import de.akte.core.storage.BlobTooLargeException;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Receives one spooled message exactly once: a message already stored or refused is only reported (the mailbox then
 * flags it); any other is taken apart and recorded. A message that breaks the intake is recorded as failed with the
 * reason and refused for good after the attempt limit, so one poison message can never stop a mailbox; an outage
 * of the blob store or the spool is not the message's fault and is passed on without counting.
 */
public final class MessageReception {

    /** What became of a message. */
    public enum Result {
        /** Recorded now. */
        STORED,
        /** Recorded before (a second sight, or a crash before the mailbox could flag it). */
        ALREADY_STORED,
        /** It cannot be stored (now or after its last attempt): recorded with the reason, not tried again. */
        REFUSED,
        /** This attempt failed; the message is tried again at its next sight. */
        FAILED
    }

    /** The result and the message's row. */
    public record Outcome(Result result, ReceivedMessageView message) {
    }

    private final MessageIntake intake;
    private final MessageDisassembler disassembler;

    public MessageReception(MessageIntake intake, MessageDisassembler disassembler) {
        this.intake = intake;
        this.disassembler = disassembler;
    }

    /** Checks the target before any message is touched; a wrong department is the configuration's mistake. */
    public void check(MailTarget target) {
        intake.requireTarget(target);
    }

    /** Receives the message spooled at {@code raw}, whose bytes have the given SHA-256. */
    public Outcome receive(MailTarget target, Path raw, String sha256) {
        MessageKey key = disassembler.key(raw, sha256);
        Optional<ReceivedMessageView> settled = intake.settled(target, key);
        if (settled.isPresent()) {
            return new Outcome(settled.get().stored() ? Result.ALREADY_STORED : Result.REFUSED, settled.get());
        }
        try {
            MessageIntake.Recorded recorded = intake.record(target, disassembler.takeApart(target, raw, key));
            return new Outcome(recorded.duplicate() ? Result.ALREADY_STORED : Result.STORED, recorded.message());
        } catch (InvalidInputException | UnacceptableContentException | BlobTooLargeException refused) {
            // the store refuses the original itself: it will refuse it every time
            return new Outcome(Result.REFUSED, intake.refuse(target, key, disassembler.headers(raw), sha256,
                    "the message cannot be stored: " + reason(refused)));
        } catch (BlobStoreException | java.io.UncheckedIOException outage) {
            throw outage;
        } catch (RuntimeException | StackOverflowError broken) {
            ReceivedMessageView row = intake.failed(target, key, disassembler.headers(raw), sha256,
                    "taking the message apart failed: " + reason(broken));
            return new Outcome(row.stored() ? Result.ALREADY_STORED
                    : row.state().equals("REFUSED") ? Result.REFUSED : Result.FAILED, row);
        }
    }

    /** Refuses a message without fetching it (larger than the limit); its key is what the server told of it. */
    public Outcome refuse(MailTarget target, MessageKey key, MessageHeaders headers, String reason) {
        Optional<ReceivedMessageView> settled = intake.settled(target, key);
        if (settled.isPresent()) {
            return new Outcome(settled.get().stored() ? Result.ALREADY_STORED : Result.REFUSED, settled.get());
        }
        return new Outcome(Result.REFUSED, intake.refuse(target, key, headers, null, reason));
    }

    private static String reason(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
