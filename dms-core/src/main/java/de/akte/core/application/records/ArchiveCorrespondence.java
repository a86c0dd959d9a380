package de.akte.core.application.records;

import de.akte.core.shared.Clock;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.xdomea.InvalidXdomeaException;
import de.akte.core.xdomea.OfferedCaseFile;
import de.akte.core.xdomea.Sender;
import de.akte.core.xdomea.XdomeaMessages;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The letters exchanged with the public archive in xdomea 3.1.0, as this administration writes them (signed by its
 * sender, dated now) and reads the archive's answers: a malformed answer is the caller's wrong input.
 */
public class ArchiveCorrespondence {

    private final XdomeaMessages messages;
    private final Sender sender;
    private final Clock clock;

    public ArchiveCorrespondence(XdomeaMessages messages, Sender sender, Clock clock) {
        this.messages = messages;
        this.sender = sender;
        this.clock = clock;
    }

    /** The 0501 offer list of the process. */
    byte[] offer(String processId, List<OfferedCaseFile> files) {
        return messages.offer(UUID.fromString(processId), sender, files, clock.now());
    }

    /** The 0503 message of the package with what the archive takes. */
    byte[] disposal(String processId, List<OfferedCaseFile> taken) {
        return messages.disposal(UUID.fromString(processId), sender, taken, clock.now());
    }

    /** The archive's 0502 appraisal. */
    XdomeaMessages.Appraisals readAppraisal(byte[] xml) {
        return read(() -> messages.readAppraisal(xml));
    }

    /** The archive's 0506 import confirmation. */
    List<XdomeaMessages.Confirmation> readConfirmation(byte[] xml) {
        return read(() -> messages.readConfirmation(xml));
    }

    private static <T> T read(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidXdomeaException e) {
            throw new InvalidInputException("message", "not a valid xdomea 3.1.0 message: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("message", e.getMessage());
        }
    }
}
