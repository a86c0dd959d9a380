package de.akte.core.mail;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A message's key and what becomes of a message that keeps failing. */
class ReceivedMessageTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void aMessageIsKnownByItsMessageIdElseByTheHashOfItsBytes() {
        assertEquals("mid:<a@example.org>", MessageKey.of("  <a@example.org> ", "ff").value());
        assertEquals("sha256:ff", MessageKey.of(null, "ff").value());
        assertEquals("sha256:ff", MessageKey.of("   ", "ff").value());
        assertEquals("sha256:ff", MessageKey.of("<a b@example.org>", "ff").value(),
                "white space or control characters make no usable Message-ID");
        String longId = "<" + "x".repeat(400) + "@example.org>";
        assertTrue(MessageKey.of(longId, "ff").value().matches("mid-sha256:[0-9a-f]{64}"));
        assertEquals(MessageKey.of(longId, "aa"), MessageKey.of(longId, "bb"), "the same long id, the same key");
        assertThrows(IllegalArgumentException.class, () -> new MessageKey(""));
    }

    @Test
    void aMessageThatKeepsFailingIsRefusedAtTheAttemptLimitAndNotBefore() {
        ReceivedMessage message = new ReceivedMessage("63", MessageKey.of("<p@example.org>", "ff"), "bau",
                "<p@example.org>", "ff", "Gift", "x@example.org", NOW);

        assertFalse(message.failed("parser broke", 3, NOW));
        assertFalse(message.failed("parser broke", 3, NOW));
        assertEquals(ReceivedMessageState.FAILED, message.state());
        assertTrue(message.failed("parser broke again", 3, NOW));
        assertEquals(ReceivedMessageState.REFUSED, message.state());
        assertEquals("parser broke again", message.reason().orElseThrow());
        assertEquals(3, message.attempts());
    }

    @Test
    void aStoredMessageRemembersItsProcessLeadDocumentAndNotes() {
        ReceivedMessage message = new ReceivedMessage("63", MessageKey.of(null, "ab"), "bau", null, "ab", null, null,
                NOW);
        message.failed("blob store away", 3, NOW);

        message.stored(7L, 42, 4, "anhang.exe: not kept", NOW);

        assertEquals(ReceivedMessageState.STORED, message.state());
        assertEquals(42L, message.leadDocumentId().orElseThrow());
        assertEquals(7L, message.processId().orElseThrow());
        assertEquals(4, message.documentCount());
        assertEquals("anhang.exe: not kept", message.reason().orElseThrow());
    }
}
