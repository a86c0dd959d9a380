package de.akte.ingest.mail;

import de.akte.core.application.documents.DocumentView;
import de.akte.core.application.mail.MailTarget;
import de.akte.core.application.mail.ReceivedMessageView;
import de.akte.core.testing.TestDatabase;
import de.akte.ingest.testing.MailMessages;
import de.akte.ingest.testing.MailMessages.Attachment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Messages meant to hurt: each is stored with its original kept byte for byte, and whatever could not be taken
 * apart is named with a readable reason; none stops the intake or costs more than the limits allow.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileMessageTest {

    private final AtomicInteger sequence = new AtomicInteger();
    private MailFixture fx;
    private String department;

    @BeforeAll
    void start() {
        fx = new MailFixture(TestDatabase.Kind.H2);
        department = fx.department();
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    /** Receives the raw message as a mailbox would; returns its row, checking that the original is kept exactly. */
    private ReceivedMessageView receive(byte[] raw) throws IOException {
        Path file = Files.createDirectories(fx.spool()).resolve("hostile-" + sequence.incrementAndGet() + ".eml");
        Files.write(file, raw);
        MessageReception.Outcome outcome = fx.reception.receive(new MailTarget("hostile", department, null), file,
                sha256(raw));
        assertEquals(MessageReception.Result.STORED, outcome.result(), () -> "stored: " + outcome);
        ReceivedMessageView row = outcome.message();
        try (InputStream in = fx.core.documents().openContent(fx.admin, row.leadDocumentId(), 1, true).stream()) {
            assertArrayEquals(raw, in.readAllBytes(), "the original is kept byte for byte");
        }
        return row;
    }

    private List<DocumentView> attachments(ReceivedMessageView row) {
        List<DocumentView> parts = new ArrayList<>();
        for (long id = row.leadDocumentId() + 1; id < row.leadDocumentId() + row.documentCount(); id++) {
            parts.add(fx.core.documents().get(fx.admin, id));
        }
        return parts;
    }

    private static byte[] crlf(String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aMultipartWhoseBoundaryNeverAppearsIsKeptWholeWithTheReason() throws IOException {
        ReceivedMessageView row = receive(crlf("From: a@example.org", "Subject: kaputt",
                "Message-ID: <noboundary@example.org>", "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=\"nirgends\"", "", "Hier beginnt kein Teil.",
                "--anderswo", "Content-Type: text/plain", "", "Text"));

        assertEquals(1, row.documentCount());
        assertTrue(row.reason().contains("Missing start boundary"), row::reason);
    }

    @Test
    void aMultipartWithoutABoundaryParameterStillYieldsItsAttachments() throws IOException {
        ReceivedMessageView row = receive(crlf("From: a@example.org", "Subject: ohne Parameter",
                "Message-ID: <noparam@example.org>", "MIME-Version: 1.0", "Content-Type: multipart/mixed", "",
                "--grenze", "Content-Type: text/plain", "", "Text", "--grenze",
                "Content-Type: text/plain; name=\"anhang.txt\"", "Content-Disposition: attachment; filename=anhang.txt",
                "", "Anhangtext", "--grenze--"));

        assertEquals(2, row.documentCount(), () -> "reason: " + row.reason());
        assertEquals("anhang", attachments(row).get(0).title());
    }

    @Test
    void aMissingClosingBoundaryKeepsWhatCouldBeReadAndSaysSo() throws IOException {
        ReceivedMessageView row = receive(crlf("From: a@example.org", "Subject: abgeschnitten",
                "Message-ID: <truncated@example.org>", "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=\"g\"", "", "--g", "Content-Type: text/plain", "", "Text",
                "--g", "Content-Type: application/pdf; name=\"halb.pdf\"",
                "Content-Disposition: attachment; filename=\"halb.pdf\"", "", "%PDF-1.4 abgeschnitten"));

        assertEquals(2, row.documentCount());
        assertTrue(row.reason().contains("without its closing boundary"), row::reason);
    }

    @Test
    void unknownAndWrongCharsetsLoseNothingAndStopNothing() throws IOException {
        byte[] latin1Body = "Grüße aus Köln".getBytes(StandardCharsets.ISO_8859_1);
        ReceivedMessageView row = receive(crlf("From: =?x-unbekannt?Q?M=FCller?= <m@example.org>",
                "Subject: =?x-unbekannt?Q?Gr=FC=DFe?=", "Message-ID: <charset@example.org>", "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=\"g\"", "", "--g",
                "Content-Type: text/plain; charset=x-unbekannt", "", new String(latin1Body, StandardCharsets.ISO_8859_1),
                "--g", "Content-Type: text/plain; charset=utf-8; name*=x-unbekannt''%FC%DF.txt",
                "Content-Disposition: attachment; filename*=x-unbekannt''%FC%DF.txt", "",
                new String(latin1Body, StandardCharsets.ISO_8859_1), "--g--"));

        assertEquals(2, row.documentCount());
        DocumentView lead = fx.core.documents().get(fx.admin, row.leadDocumentId());
        assertEquals("=?x-unbekannt?Q?Gr=FC=DFe?=", lead.metadata().get("mail.subject"),
                "a subject in an unknown charset is kept as it was sent");
        assertTrue(lead.metadata().get("mail.from").contains("<m@example.org>"));
    }

    @Test
    void fiveThousandAttachmentsKeepTheFirstPartsAndSayWhatBecameOfTheRest() throws IOException {
        List<Attachment> many = new ArrayList<>();
        for (int i = 1; i <= 5000; i++) {
            many.add(Attachment.text("teil-" + i + ".txt", "Teil " + i));
        }
        ReceivedMessageView row = receive(MailMessages.message("<many@example.org>", "Viele", "Text", many));

        assertEquals(1 + MailFixture.LIMITS.maxParts(), row.documentCount());
        assertTrue(row.reason().contains("more than " + MailFixture.LIMITS.maxParts() + " parts"), row::reason);
    }

    @Test
    void messagesNestedFiftyDeepAreOpenedOnlyToTheDepthLimit() throws IOException {
        byte[] message = MailMessages.message("<level-0@example.org>", "Ebene 0", "innen", List.of(
                Attachment.text("innen.txt", "ganz innen")));
        for (int level = 1; level <= 50; level++) {
            message = MailMessages.message("<level-" + level + "@example.org>", "Ebene " + level, "Text",
                    List.of(MailMessages.attached("ebene-" + (level - 1) + ".eml", message)));
        }
        ReceivedMessageView row = receive(message);

        assertTrue(row.reason().contains("nested deeper than " + MailFixture.LIMITS.maxDepth()), row::reason);
        assertTrue(row.documentCount() > 2 && row.documentCount() <= 1 + MailFixture.LIMITS.maxDepth(),
                () -> row.documentCount() + " documents");
        DocumentView first = attachments(row).get(0);
        assertEquals("Ebene 49", first.title(), "an attached message is titled by its subject");
        assertEquals("<level-49@example.org>", first.metadata().get("mail.messageId"));
    }

    @Test
    void multipartsNestedFiftyDeepAreOpenedOnlyToTheDepthLimit() throws IOException {
        StringBuilder m = new StringBuilder("From: a@example.org\r\nSubject: tief\r\nMessage-ID: <deep@example.org>\r\n"
                + "MIME-Version: 1.0\r\n");
        for (int i = 0; i < 50; i++) {
            m.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\r\n\r\n--b").append(i)
                    .append("\r\n");
        }
        m.append("Content-Type: text/plain; name=\"innen.txt\"\r\nContent-Disposition: attachment\r\n\r\ninnen\r\n");
        for (int i = 49; i >= 0; i--) {
            m.append("--b").append(i).append("--\r\n");
        }
        ReceivedMessageView row = receive(m.toString().getBytes(StandardCharsets.US_ASCII));

        assertEquals(1, row.documentCount());
        assertTrue(row.reason().contains("multiparts nested deeper than " + MailFixture.LIMITS.maxDepth()),
                row::reason);
    }

    @Test
    void aZipBombIsKeptAsItArrivedAndNotOpened() throws IOException {
        byte[] bomb = MailMessages.zipBomb(64L << 20);
        ReceivedMessageView row = receive(MailMessages.message("<bomb@example.org>", "Bombe", "Text", List.of(
                new Attachment("bombe.zip", "application/zip", bomb))));

        assertEquals(2, row.documentCount(), "the message and the ZIP itself");
        assertTrue(row.reason().contains("bombe.zip: the ZIP was not opened: refused"), row::reason);
        assertTrue(row.reason().contains("a ZIP bomb?"), row::reason);
    }

    @Test
    void aZipIsTakenApartIntoItsFilesAndAttachedMessagesInsideIt() throws IOException {
        byte[] inner = MailMessages.message("<inner@example.org>", "Weitergeleitet", "Text", List.of(
                Attachment.text("beleg.txt", "Beleg")));
        byte[] zip = MailMessages.zip("rechnungen/januar.txt", "Januar", "../../etc/passwd", "root:x:0:0",
                "weitergeleitet.eml", new String(inner, StandardCharsets.UTF_8));
        ReceivedMessageView row = receive(MailMessages.message("<zip@example.org>", "Belege", "Text", List.of(
                new Attachment("belege.zip", "application/zip", zip))));

        List<String> parts = attachments(row).stream().map(d -> d.metadata().get("mail.part")).toList();
        assertEquals(List.of("belege.zip", "belege.zip / rechnungen/januar.txt", "belege.zip / weitergeleitet.eml",
                "belege.zip / weitergeleitet.eml / beleg.txt"), parts);
        assertTrue(row.reason().contains("leaves the ZIP's folder"), row::reason);
    }

    @Test
    void partsTheStoreRefusesAreNamedAndTheRestIsKept() throws IOException {
        ReceivedMessageView row = receive(MailMessages.message("<refused@example.org>", "Gemischt", "Text", List.of(
                new Attachment("programm.exe", "application/octet-stream",
                        "MZ\u0090\u0000program".getBytes(StandardCharsets.ISO_8859_1)),
                new Attachment("leer.txt", "text/plain", new byte[0]),
                new Attachment("../../etc/passwd", "text/plain", "kein Pfad".getBytes(StandardCharsets.UTF_8)),
                new Attachment("ok.txt", "text/plain", "in Ordnung".getBytes(StandardCharsets.UTF_8)))));

        assertEquals(List.of("passwd", "ok"), attachments(row).stream().map(DocumentView::title).toList());
        assertTrue(row.reason().contains("programm.exe: not kept as a document of its own: files of type"),
                row::reason);
        assertTrue(row.reason().contains("leer.txt: not kept as a document of its own: the file is empty"),
                row::reason);
    }

    @Test
    void anUnknownTransferEncodingKeepsThePartAsItWasSent() throws IOException {
        ReceivedMessageView row = receive(crlf("From: a@example.org", "Subject: seltsam",
                "Message-ID: <encoding@example.org>", "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=\"g\"", "", "--g", "Content-Type: text/plain", "", "Text",
                "--g", "Content-Type: application/pdf; name=\"x.pdf\"", "Content-Transfer-Encoding: x-seltsam",
                "Content-Disposition: attachment; filename=\"x.pdf\"", "", "%PDF-1.4 roh", "--g--"));

        assertEquals(2, row.documentCount());
        assertTrue(row.reason().contains("x.pdf: its transfer encoding could not be undone"), row::reason);
    }

    @Test
    void bytesThatAreNoMessageAtAllAreStillKept() throws IOException {
        byte[] noise = new byte[4096];
        new java.util.Random(17).nextBytes(noise);
        noise[0] = 'X';
        noise[1] = 'Y';
        ReceivedMessageView row = receive(noise);

        assertEquals(1, row.documentCount());
        assertTrue(row.messageKey().startsWith("sha256:"));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
