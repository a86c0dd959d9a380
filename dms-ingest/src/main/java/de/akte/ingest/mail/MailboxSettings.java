package de.akte.ingest.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.akte.core.application.mail.MailTarget;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One IMAP mailbox Akte takes mail from: where it is, how to sign in, which folder, whose messages they become, and
 * what happens to a message on the server once its records are committed (flagged, or moved to a folder).
 *
 * @param name         the mailbox's name in health, logs and the received-message records
 * @param security     {@code IMAPS} (TLS from the start, port 993), {@code STARTTLS} (required, port 143) or
 *                     {@code NONE} (plain text; only for a server on the same host)
 * @param folder       the folder read (default {@code INBOX})
 * @param caseFile     the case file whose new processes the messages become, or null
 * @param moveTo       a folder stored messages are moved to, or null to leave them where they are, flagged
 * @param pollInterval how often the folder is looked at without IDLE, and how long one IDLE lasts at most
 */
public record MailboxSettings(String name, String host, int port, Security security, String user, String password,
                              String folder, String department, String caseFile, String moveTo,
                              Duration pollInterval) {

    /** How the connection is protected. */
    public enum Security { IMAPS, STARTTLS, NONE }

    /** Default seconds between looks at a mailbox whose server offers no IDLE. */
    public static final long DEFAULT_POLL_SECONDS = 60;

    private static final Set<String> FIELDS = Set.of("name", "host", "port", "security", "user", "password",
            "passwordFile", "folder", "department", "caseFile", "moveTo", "pollSeconds");

    public MailboxSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(pollInterval, "pollInterval");
    }

    /** Where its messages go. */
    public MailTarget target() {
        return new MailTarget(name, department, caseFile);
    }

    /** Never the password: settings end up in logs. */
    @Override
    public String toString() {
        return name + " (" + user + "@" + host + ":" + port + " " + security + ", folder " + folder + ", department "
                + department + (caseFile == null ? "" : ", case file " + caseFile)
                + (moveTo == null ? "" : ", stored messages moved to " + moveTo) + ")";
    }

    /**
     * Reads {@code AKTE_MAILBOXES}: a JSON array of objects with {@code name}, {@code host}, {@code port},
     * {@code security}, {@code user}, {@code password} or {@code passwordFile}, {@code folder}, {@code department},
     * {@code caseFile}, {@code moveTo}, {@code pollSeconds}.
     *
     * @throws IllegalArgumentException naming what is wrong (never a password)
     */
    public static List<MailboxSettings> parse(String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("AKTE_MAILBOXES is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("AKTE_MAILBOXES must be a JSON array of mailboxes");
        }
        List<MailboxSettings> mailboxes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode node : root) {
            MailboxSettings mailbox = one(node, mailboxes.size() + 1);
            if (!names.add(mailbox.name())) {
                throw new IllegalArgumentException("AKTE_MAILBOXES names mailbox " + mailbox.name() + " twice");
            }
            mailboxes.add(mailbox);
        }
        return List.copyOf(mailboxes);
    }

    private static MailboxSettings one(JsonNode node, int number) {
        String where = "AKTE_MAILBOXES, mailbox " + number;
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": not a JSON object");
        }
        for (Iterator<String> fields = node.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException(where + ": unknown field " + field + " (known: " + FIELDS + ")");
            }
        }
        String host = required(node, "host", where);
        String user = required(node, "user", where);
        String department = required(node, "department", where);
        Security security;
        try {
            security = Security.valueOf(text(node, "security", "IMAPS").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": security is IMAPS, STARTTLS or NONE");
        }
        int port = node.hasNonNull("port") ? node.get("port").asInt(-1)
                : security == Security.IMAPS ? 993 : 143;
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(where + ": port must be 1 to 65535");
        }
        long seconds = node.hasNonNull("pollSeconds") ? node.get("pollSeconds").asLong(-1) : DEFAULT_POLL_SECONDS;
        if (seconds < 1) {
            throw new IllegalArgumentException(where + ": pollSeconds must be at least 1");
        }
        String name = text(node, "name", user + "@" + host);
        if (name.length() > 100) {
            throw new IllegalArgumentException(where + ": name has at most 100 characters");
        }
        return new MailboxSettings(name, host, port, security, user, password(node, where),
                text(node, "folder", "INBOX"), department, text(node, "caseFile", null), text(node, "moveTo", null),
                Duration.ofSeconds(seconds));
    }

    private static String password(JsonNode node, String where) {
        if (node.hasNonNull("password") == node.hasNonNull("passwordFile")) {
            throw new IllegalArgumentException(where + ": give either password or passwordFile");
        }
        if (node.hasNonNull("password")) {
            return node.get("password").asText();
        }
        Path file = Path.of(node.get("passwordFile").asText());
        try {
            // a secret file ends with a line break more often than not; the password does not
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException(where + ": cannot read passwordFile " + file + ": " + e.getMessage());
        }
    }

    private static String required(JsonNode node, String field, String where) {
        String value = text(node, field, null);
        if (value == null) {
            throw new IllegalArgumentException(where + ": " + field + " is required");
        }
        return value;
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            return fallback;
        }
        return value.asText().strip();
    }
}
