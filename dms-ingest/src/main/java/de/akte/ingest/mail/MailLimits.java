package de.akte.ingest.mail;

import de.akte.ingest.imports.source.ZipLimits;

import java.util.Objects;

/**
 * How far an untrusted message is taken apart. The message's raw bytes are never held in memory (parts are read
 * from its spooled file and streamed to the blob store), so these bound what a crafted message can cost.
 *
 * @param maxMessageBytes the largest message taken in; a larger one is refused with the reason, never fetched
 * @param maxParts        the most parts (attachments, attached messages, files of attached ZIPs) kept as documents
 *                        of their own; past it the rest stay only within the original
 * @param maxDepth        how deeply nested multiparts, attached messages and ZIPs are opened; deeper ones are kept
 *                        as they are
 * @param zip             how far an attached ZIP may expand (the limits of server-side imports)
 */
public record MailLimits(long maxMessageBytes, int maxParts, int maxDepth, ZipLimits zip) {

    public MailLimits {
        Objects.requireNonNull(zip, "zip");
        if (maxMessageBytes < 1 || maxParts < 0 || maxDepth < 1) {
            throw new IllegalArgumentException("mail limits must be positive");
        }
    }

    /** 100 MiB a message, 500 parts, 20 levels, the import's ZIP limits. */
    public static MailLimits defaults() {
        return new MailLimits(100L << 20, 500, 20, ZipLimits.defaults());
    }
}
