package de.akte.ingest.mail;

import java.time.Instant;

/**
 * How a mailbox is doing, as health and the administration API show it.
 *
 * @param state       {@code STARTING}, {@code UP} (the last look succeeded) or {@code DOWN} (with the reason)
 * @param idle        whether the server offers IDLE (new mail is seen at once), null before the first connection
 * @param lastPollAt  when the folder was last looked at, successfully or not
 * @param lastSuccessAt when a look last succeeded
 * @param stored      messages recorded since the server started; {@code duplicates} seen again, {@code refused}
 *                    set aside with their reason, {@code failed} attempts that will be tried again
 */
public record MailboxStatus(String name, String department, String caseFile, String host, String folder,
                            String state, String reason, Boolean idle, Instant lastPollAt, Instant lastSuccessAt,
                            long stored, long duplicates, long refused, long failed) {
}
