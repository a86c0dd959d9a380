package de.akte.core.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What makes a message the same message when it is seen again: its Message-ID, or, for a message without one, the
 * SHA-256 of its raw bytes. Long Message-IDs are hashed too, so that any key fits its column.
 *
 * @param value {@code mid:<message-id>}, {@code mid-sha256:<hex>} or {@code sha256:<hex>}
 */
public record MessageKey(String value) {

    private static final int LONGEST_ID = 250;

    public MessageKey {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 300) {
            throw new IllegalArgumentException("a message key has 1 to 300 characters");
        }
    }

    /** The key of a message: its Message-ID if it has a usable one, else the hash of its raw bytes. */
    public static MessageKey of(String messageId, String rawSha256) {
        String id = messageId == null ? "" : messageId.strip();
        if (id.isEmpty() || id.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            return new MessageKey("sha256:" + Objects.requireNonNull(rawSha256, "rawSha256"));
        }
        if (id.length() > LONGEST_ID) {
            return new MessageKey("mid-sha256:" + sha256(id));
        }
        return new MessageKey("mid:" + id);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
