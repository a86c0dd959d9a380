package de.akte.core.application.mail;

import java.util.Objects;

/**
 * Where messages of one source go: the mailbox's name (as the received-message records and health show it), the
 * department that owns its messages, and optionally the case file whose processes they become.
 *
 * @param caseFile a file reference of the department's, or null: the messages then wait unfiled in the department
 */
public record MailTarget(String mailbox, String department, String caseFile) {

    public MailTarget {
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(department, "department");
        if (mailbox.isBlank() || mailbox.length() > 100) {
            throw new IllegalArgumentException("a mailbox is named with 1 to 100 characters");
        }
        caseFile = caseFile == null || caseFile.isBlank() ? null : caseFile.strip();
    }
}
