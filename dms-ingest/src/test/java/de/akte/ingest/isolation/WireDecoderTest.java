package de.akte.ingest.isolation;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.util.HashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a subverted reader might send is refused before any class outside the wire records is made. */
class WireDecoderTest {

    private final WireDecoder answers = WireDecoder.answers();

    @Test
    void acceptsTheWireRecordsOfItsDirection() throws RefusedAnswerException {
        Wire.Recognized sent = new Wire.Recognized("application/pdf", new Wire.Page[] {new Wire.Page("Text", "OCR",
                10, 20, 300, 90, new Wire.Word[] {new Wire.Word("Text", 1, 2, 3, 4, 95)})}, new String[] {"k", "v"},
                new Wire.Field[0], "rendition.pdf", new Wire.Part[] {new Wire.Part(new int[] {1, 2}, null,
                "part-1.pdf", "application/pdf")});
        Wire.Recognized received = (Wire.Recognized) answers.decode(Frames.serialize(sent));
        assertEquals("Text", received.pages()[0].words()[0].text());
        assertEquals(2, received.parts()[0].pages()[1]);
        assertInstanceOf(Wire.Pong.class, answers.decode(Frames.serialize(new Wire.Pong())));
    }

    @Test
    void refusesClassesOutsideTheAllowList() {
        HashMap<String, Object> map = new HashMap<>();
        map.put("a", new AtomicInteger(1));
        assertRefused(Frames.serialize(map), "not allowed");
        assertRefused(Frames.serialize(new File("/etc/passwd")), "not allowed");
        // a record of the wire, but smuggling a foreign object into an array of it is refused too
        assertRefused(Frames.serialize(new Object[] {new Wire.Pong()}), "not allowed");
    }

    @Test
    void refusesAJobSentAsAnAnswer() {
        assertRefused(Frames.serialize(new Wire.Render("00", "/etc/shadow", "image/png", 0, 100, "/tmp", 1, 1)), "");
    }

    @Test
    void refusesHugeArraysBeforeAllocatingThem() {
        Wire.Recognized huge = new Wire.Recognized("text/plain", new Wire.Page[0], new String[2_000_000],
                new Wire.Field[0], null, new Wire.Part[0]);
        assertRefused(Frames.serialize(huge), "not allowed");
    }

    @Test
    void refusesTruncatedAndTrailingBytes() {
        byte[] pong = Frames.serialize(new Wire.Pong());
        assertRefused(java.util.Arrays.copyOf(pong, pong.length - 3), "malformed");
        byte[] longer = java.util.Arrays.copyOf(pong, pong.length + 1);
        assertRefused(longer, "refused");
        assertRefused(new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5, 0x73, 0x72, 0x7f}, "malformed");
    }

    @Test
    void refusesAFrameAnnouncingMoreThanTheLimitWithoutReadingIt() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new DataOutputStream(bytes).writeInt(Integer.MAX_VALUE);
        RefusedAnswerException refused = assertThrows(RefusedAnswerException.class, () -> Frames.read(
                new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), WireDecoder.MAX_BYTES));
        assertTrue(refused.getMessage().contains("2147483647 bytes"), refused.getMessage());
    }

    private void assertRefused(byte[] payload, String why) {
        RefusedAnswerException refused = assertThrows(RefusedAnswerException.class, () -> answers.decode(payload));
        assertTrue(refused.getMessage().contains(why), refused.getMessage());
    }
}
