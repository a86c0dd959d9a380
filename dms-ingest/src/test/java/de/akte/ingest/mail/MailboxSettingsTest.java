package de.akte.ingest.mail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code AKTE_MAILBOXES}: what it takes, its defaults, and readable refusals that never show a password. */
class MailboxSettingsTest {

    @Test
    void readsEveryFieldAndTakesThePasswordFromAFile(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("bau.secret"), "s3cret\n");
        List<MailboxSettings> all = MailboxSettings.parse("""
                [{"name": "bau", "host": "imap.stadt.example", "port": 1993, "security": "imaps",
                  "user": "bau@stadt.example", "passwordFile": "%s", "folder": "Eingang/Bau",
                  "department": "63", "caseFile": "63-0/2026", "moveTo": "Akte", "pollSeconds": 15},
                 {"host": "mail.stadt.example", "security": "STARTTLS", "user": "post", "password": "x",
                  "department": "10"}]""".formatted(secret));

        MailboxSettings bau = all.get(0);
        assertEquals(new MailboxSettings("bau", "imap.stadt.example", 1993, MailboxSettings.Security.IMAPS,
                "bau@stadt.example", "s3cret", "Eingang/Bau", "63", "63-0/2026", "Akte", Duration.ofSeconds(15)), bau);
        MailboxSettings post = all.get(1);
        assertEquals("post@mail.stadt.example", post.name());
        assertEquals(143, post.port());
        assertEquals("INBOX", post.folder());
        assertNull(post.caseFile());
        assertNull(post.moveTo());
        assertEquals(Duration.ofSeconds(MailboxSettings.DEFAULT_POLL_SECONDS), post.pollInterval());
        assertFalse(bau.toString().contains("s3cret"), "settings end up in logs");
    }

    @Test
    void mistakesAreNamedWithoutShowingAPassword() {
        assertMessage("AKTE_MAILBOXES is not JSON", "[{");
        assertMessage("must be a JSON array", "{\"host\": \"h\"}");
        assertMessage("mailbox 1: host is required", "[{\"user\": \"u\", \"password\": \"geheim\", "
                + "\"department\": \"63\"}]");
        assertMessage("mailbox 1: give either password or passwordFile", "[{\"host\": \"h\", \"user\": \"u\", "
                + "\"department\": \"63\"}]");
        assertMessage("mailbox 1: security is IMAPS, STARTTLS or NONE", "[{\"host\": \"h\", \"user\": \"u\", "
                + "\"password\": \"geheim\", \"department\": \"63\", \"security\": \"ssl\"}]");
        assertMessage("mailbox 1: unknown field pasword", "[{\"host\": \"h\", \"user\": \"u\", "
                + "\"pasword\": \"geheim\", \"department\": \"63\"}]");
        assertMessage("names mailbox a twice", "[{\"name\": \"a\", \"host\": \"h\", \"user\": \"u\", "
                + "\"password\": \"geheim\", \"department\": \"63\"}, {\"name\": \"a\", \"host\": \"h\", "
                + "\"user\": \"v\", \"password\": \"geheim\", \"department\": \"63\"}]");
        assertMessage("cannot read passwordFile /nowhere/secret", "[{\"host\": \"h\", \"user\": \"u\", "
                + "\"passwordFile\": \"/nowhere/secret\", \"department\": \"63\"}]");
    }

    private static void assertMessage(String expected, String json) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MailboxSettings.parse(json));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("geheim"), e.getMessage());
    }
}
