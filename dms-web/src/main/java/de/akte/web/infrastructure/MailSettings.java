package de.akte.web.infrastructure;

import de.akte.ingest.imports.source.ZipLimits;
import de.akte.ingest.mail.MailLimits;
import de.akte.ingest.mail.MailboxSettings;

import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * E-mail intake: the mailboxes ({@code AKTE_MAILBOXES}, a JSON array; none: intake is off) and how far a message
 * is taken apart ({@code AKTE_MAIL_MAX_MESSAGE_BYTES}, {@code AKTE_MAIL_MAX_PARTS}, {@code AKTE_MAIL_MAX_DEPTH};
 * attached ZIPs are held to the import's ZIP limits).
 */
public record MailSettings(List<MailboxSettings> mailboxes, MailLimits limits) {

    static MailSettings from(Properties system, Map<String, String> env, ZipLimits zipLimits) {
        AkteSettings.Lookup l = new AkteSettings.Lookup(system, env);
        MailLimits d = MailLimits.defaults();
        MailLimits limits = new MailLimits(
                l.get("akte.mail.max.message.bytes").map(Long::parseLong).orElse(d.maxMessageBytes()),
                l.get("akte.mail.max.parts").map(Integer::parseInt).orElse(d.maxParts()),
                l.get("akte.mail.max.depth").map(Integer::parseInt).orElse(d.maxDepth()), zipLimits);
        return new MailSettings(l.get("akte.mailboxes").map(MailboxSettings::parse).orElse(List.of()), limits);
    }
}
