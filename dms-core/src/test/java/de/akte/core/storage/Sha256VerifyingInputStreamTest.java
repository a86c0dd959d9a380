package de.akte.core.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Sha256VerifyingInputStreamTest {

    private static final byte[] CONTENT = "Aktenzeichen 123.45-6/2024".getBytes(StandardCharsets.UTF_8);
    private static final BlobId CONTENT_ID = new BlobId(BlobStoreContractTest.sha256(CONTENT));

    @Test
    void passesMatchingBytesThrough() throws Exception {
        try (InputStream in = new Sha256VerifyingInputStream(new ByteArrayInputStream(CONTENT), CONTENT_ID)) {
            assertArrayEquals(CONTENT, in.readAllBytes());
            assertEquals(-1, in.read());
        }
    }

    @Test
    void detectsChangedByteAtTheEnd() throws Exception {
        byte[] changed = CONTENT.clone();
        changed[3] ^= 0x20;
        try (InputStream in = new Sha256VerifyingInputStream(new ByteArrayInputStream(changed), CONTENT_ID)) {
            BlobCorruptedException thrown = assertThrows(BlobCorruptedException.class, in::readAllBytes);
            assertTrue(thrown.getMessage().contains(CONTENT_ID.sha256()), thrown.getMessage());
        }
    }

    @Test
    void detectsTruncatedContent() throws Exception {
        byte[] truncated = Arrays.copyOf(CONTENT, CONTENT.length - 1);
        try (InputStream in = new Sha256VerifyingInputStream(new ByteArrayInputStream(truncated), CONTENT_ID)) {
            assertThrows(BlobCorruptedException.class, in::readAllBytes);
        }
    }

    @Test
    void detectsCorruptionWhenReadByteByByte() throws Exception {
        byte[] changed = CONTENT.clone();
        changed[0] ^= 0x01;
        try (InputStream in = new Sha256VerifyingInputStream(new ByteArrayInputStream(changed), CONTENT_ID)) {
            assertThrows(BlobCorruptedException.class, () -> {
                while (in.read() != -1) {
                    // drain
                }
            });
        }
    }

    @Test
    void hashesSkippedBytesToo() throws Exception {
        try (InputStream in = new Sha256VerifyingInputStream(new ByteArrayInputStream(CONTENT), CONTENT_ID)) {
            assertEquals(5, in.skip(5));
            assertDoesNotThrow(in::readAllBytes);
        }
    }

    @Test
    void keepsReportingCorruptionOnEveryReadAtTheEnd() throws Exception {
        try (InputStream in = new Sha256VerifyingInputStream(new ByteArrayInputStream(new byte[0]), CONTENT_ID)) {
            assertThrows(BlobCorruptedException.class, in::read);
            assertThrows(BlobCorruptedException.class, in::read);
        }
    }
}
