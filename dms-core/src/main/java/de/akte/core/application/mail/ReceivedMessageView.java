package de.akte.core.application.mail;

import de.akte.core.mail.ReceivedMessage;

import java.time.Instant;

/**
 * A received message as the administration API shows it.
 *
 * @param state  {@code STORED}, {@code FAILED} (tried again at the next sight) or {@code REFUSED} (not again)
 * @param reason why it failed or was refused; for a stored message what of it was not taken apart
 */
public record ReceivedMessageView(long id, String mailbox, String department, String messageKey, String messageId,
                                  String subject, String sender, String state, String reason, int attempts,
                                  Long processId, Long leadDocumentId, int documentCount, Instant firstSeenAt,
                                  Instant recordedAt) {

    static ReceivedMessageView of(ReceivedMessage m) {
        return new ReceivedMessageView(m.id(), m.mailbox(), m.departmentCode(), m.key().value(),
                m.messageId().orElse(null), m.subject().orElse(null), m.sender().orElse(null), m.state().name(),
                m.reason().orElse(null), m.attempts(), m.processId().orElse(null), m.leadDocumentId().orElse(null),
                m.documentCount(), m.firstSeenAt(), m.recordedAt());
    }

    public boolean stored() {
        return state.equals("STORED");
    }
}
