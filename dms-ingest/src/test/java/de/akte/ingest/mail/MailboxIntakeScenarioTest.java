package de.akte.ingest.mail;

import de.akte.core.application.documents.DocumentView;
import de.akte.core.application.documents.StoredContent;
import de.akte.core.application.filing.CaseFileDetails;
import de.akte.core.application.filing.CaseFileView;
import de.akte.core.application.mail.ReceivedMessageView;
import de.akte.core.shared.ForbiddenException;
import de.akte.core.shared.Page;
import de.akte.core.testing.TestDatabase;
import de.akte.ingest.testing.MailMessages;
import de.akte.ingest.testing.MailMessages.Attachment;
import de.akte.ingest.testing.TestDovecot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mailboxes on a real IMAP server (Dovecot, mail delivered by APPEND) into a real database (H2 and PostgreSQL):
 * each message becomes one process with its original and attachments, exactly once, marked on the server only
 * after its records are committed; poison messages are set aside with their reason and the mailbox carries on.
 */
class MailboxIntakeScenarioTest {

    @Nested
    class OnH2 extends Scenarios {
        OnH2() {
            super(TestDatabase.Kind.H2);
        }
    }

    @Nested
    class OnPostgres extends Scenarios {
        OnPostgres() {
            super(TestDatabase.Kind.POSTGRES);
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Scenarios {
        private final TestDatabase.Kind kind;
        private final List<ImapMailbox> opened = new ArrayList<>();
        private TestDovecot dovecot;
        private MailFixture fx;
        private ScheduledExecutorService timer;
        private int folders;

        Scenarios(TestDatabase.Kind kind) {
            this.kind = kind;
        }

        @BeforeAll
        void start() throws IOException {
            dovecot = TestDovecot.start(Files.createTempDirectory("akte-dovecot"));
            fx = new MailFixture(kind);
            timer = Executors.newSingleThreadScheduledExecutor();
        }

        @AfterEach
        void closeMailboxes() {
            opened.forEach(m -> {
                m.close();
                m.disconnectNow();
            });
            opened.clear();
        }

        @AfterAll
        void stop() {
            timer.shutdownNow();
            if (fx != null) {
                fx.close();
            }
            if (dovecot != null) {
                dovecot.close();
            }
        }

        /** A folder of its own per test, so the tests do not see each other's mail. */
        private String folder() {
            String name = "Eingang" + (++folders);
            dovecot.createFolder(name);
            return name;
        }

        private ImapMailbox mailbox(String folder, String department, String caseFile, String moveTo,
                                    Duration interval) {
            MailboxSettings settings = new MailboxSettings("bau-" + folder, dovecot.host(), dovecot.port(),
                    MailboxSettings.Security.NONE, TestDovecot.USER, TestDovecot.PASSWORD, folder, department,
                    caseFile, moveTo, interval);
            ImapMailbox mailbox = new ImapMailbox(settings, fx.reception, MailFixture.LIMITS, fx.spool(), timer,
                    Clock.systemUTC());
            opened.add(mailbox);
            return mailbox;
        }

        private ImapMailbox mailbox(String folder, String department, String caseFile) {
            return mailbox(folder, department, caseFile, null, Duration.ofSeconds(30));
        }

        private byte[] bytes(StoredContent content) throws IOException {
            try (InputStream in = content.stream()) {
                return in.readAllBytes();
            }
        }

        private Page<ReceivedMessageView> received(String mailbox) {
            return fx.core.mail().list(fx.admin, mailbox, null, 0, 50);
        }

        @Test
        void aMessageBecomesOneProcessWithTheOriginalAsLeadAndEveryAttachmentAsItsOwnDocument() throws IOException {
            String department = fx.department();
            CaseFileView caseFile = fx.caseFile(department);
            String folder = folder();
            byte[] raw = MailMessages.message("<antrag-1@example.org>", "Bauantrag =?UTF-8?Q?Lindenstra=C3=9Fe?= 4",
                    "Sehr geehrte Damen und Herren,\r\nanbei der Antrag.", List.of(
                            new Attachment("antrag.pdf", "application/pdf", "%PDF-1.7 Antrag".getBytes()),
                            new Attachment("lageplan.docx",
                                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                                    "Lageplan Flurstück 17".getBytes(StandardCharsets.UTF_8)),
                            Attachment.text("notiz.txt", "Bitte um Eingangsbestätigung")));
            dovecot.deliver(folder, raw);

            ImapMailbox mailbox = mailbox(folder, department, caseFile.fileReference());
            assertTrue(mailbox.poll(), () -> "the mailbox could be read: " + mailbox.status());

            CaseFileDetails details = fx.core.caseFiles().details(fx.admin, caseFile.id());
            assertEquals(1, details.processes().size());
            CaseFileDetails.ProcessView process = details.processes().get(0);
            assertEquals("Bauantrag Lindenstraße 4", process.title());
            assertEquals(4, process.documents().size());
            DocumentView lead = process.documents().stream().filter(d -> "E-Mail".equals(d.documentType()))
                    .findFirst().orElseThrow();
            // not scanned yet: nobody reads it without saying so (administrators only), and it is the original
            assertThrows(ForbiddenException.class, () -> fx.core.documents().openContent(fx.admin, lead.id(), 1));
            assertArrayEquals(raw, bytes(fx.core.documents().openContent(fx.admin, lead.id(), 1, true)),
                    "the original is kept byte for byte");
            assertEquals("Erika Mustermann <erika@example.org>", lead.metadata().get("mail.from"));
            assertEquals("Bauaufsicht <bau@stadt.example>", lead.metadata().get("mail.to"));
            assertEquals("Registratur <registratur@stadt.example>", lead.metadata().get("mail.cc"));
            assertEquals("Bauantrag Lindenstraße 4", lead.metadata().get("mail.subject"));
            assertEquals("2026-12-01T09:15:00Z", lead.metadata().get("mail.date"));
            assertEquals("<antrag-1@example.org>", lead.metadata().get("mail.messageId"));
            assertEquals(java.time.LocalDate.of(2026, 12, 1), lead.documentDate());
            List<String> attachments = process.documents().stream().filter(d -> d.id() != lead.id())
                    .map(d -> d.title() + "|" + d.batchDocumentId() + "|" + d.metadata().get("mail.part")).sorted()
                    .toList();
            assertEquals(List.of("antrag|" + lead.id() + "|antrag.pdf", "lageplan|" + lead.id() + "|lageplan.docx",
                    "notiz|" + lead.id() + "|notiz.txt"), attachments);
            DocumentView note = process.documents().stream().filter(d -> d.title().equals("notiz")).findFirst()
                    .orElseThrow();
            assertEquals("Bitte um Eingangsbestätigung",
                    new String(bytes(fx.core.documents().openContent(fx.admin, note.id(), 1, true)),
                            StandardCharsets.UTF_8));
            assertEquals(List.of(List.of(ImapMailbox.STORED, "\\Seen")), dovecot.flags(folder),
                    "marked on the server once the records are committed");
            ReceivedMessageView row = received("bau-" + folder).items().get(0);
            assertEquals("STORED", row.state());
            assertEquals(process.id(), row.processId());
            assertEquals(4, row.documentCount());
            assertEquals(1, mailbox.status().stored());
            assertEquals(Boolean.TRUE, mailbox.status().idle(), "Dovecot offers IDLE");
        }

        @Test
        void theSameMessageIdSeenAgainIsRecognisedAndNotStoredAgain() {
            String department = fx.department();
            CaseFileView caseFile = fx.caseFile(department);
            String folder = folder();
            byte[] raw = MailMessages.message("<twice@example.org>", "Zweimal", "Text", List.of(
                    Attachment.text("a.txt", "Anhang")));
            dovecot.deliver(folder, raw);
            ImapMailbox mailbox = mailbox(folder, department, caseFile.fileReference());
            assertTrue(mailbox.poll());
            // the sender's server delivers it again, and a copy with other bytes but the same Message-ID arrives
            dovecot.deliver(folder, raw);
            dovecot.deliver(folder, MailMessages.message("<twice@example.org>", "Zweimal (Kopie)", "Text", List.of()));
            assertTrue(mailbox.poll());

            assertEquals(1, fx.core.caseFiles().details(fx.admin, caseFile.id()).processes().size());
            assertEquals(1, received("bau-" + folder).total());
            assertEquals(2, mailbox.status().duplicates());
            dovecot.flags(folder).forEach(f -> assertTrue(f.contains(ImapMailbox.STORED), f::toString));
        }

        @Test
        void aCrashAfterTheCommitButBeforeTheMarkOnlyMarksTheMessageOnTheNextSight() {
            String department = fx.department();
            CaseFileView caseFile = fx.caseFile(department);
            String folder = folder();
            dovecot.deliver(folder, MailMessages.message("<crash@example.org>", "Absturz", "Text", List.of(
                    Attachment.text("b.txt", "Anhang"))));
            assertTrue(mailbox(folder, department, caseFile.fileReference()).poll());
            // as if the server died between the commit and the STORE: the mark never reached the mailbox
            dovecot.unmark(folder, ImapMailbox.STORED);

            ImapMailbox restarted = mailbox(folder, department, caseFile.fileReference());
            assertTrue(restarted.poll());

            assertEquals(1, fx.core.caseFiles().details(fx.admin, caseFile.id()).processes().size());
            assertEquals(2, fx.core.caseFiles().details(fx.admin, caseFile.id()).processes().get(0).documents().size());
            assertEquals(1, restarted.status().duplicates());
            assertEquals(List.of(List.of(ImapMailbox.STORED, "\\Seen")), dovecot.flags(folder));
        }

        @Test
        void aCrashAfterTheBytesWereStoredButBeforeTheCommitLosesNothingAndDoublesNothing() throws IOException {
            String department = fx.department();
            CaseFileView caseFile = fx.caseFile(department);
            String folder = folder();
            byte[] raw = MailMessages.message("<half@example.org>", "Halb", "Text", List.of(
                    Attachment.text("c.txt", "Anhang")));
            dovecot.deliver(folder, raw);
            // the killed run had spooled the message and stored its bytes, but committed nothing
            java.nio.file.Path spooled = Files.createDirectories(fx.spool()).resolve("killed.eml");
            Files.write(spooled, raw);
            ImapMailbox mailbox = mailbox(folder, department, caseFile.fileReference());
            fx.disassembler.takeApart(mailbox.settings().target(), spooled,
                    fx.disassembler.key(spooled, "unused"));

            assertTrue(mailbox.poll());

            CaseFileDetails details = fx.core.caseFiles().details(fx.admin, caseFile.id());
            assertEquals(1, details.processes().size());
            assertEquals(2, details.processes().get(0).documents().size());
            assertEquals(1, mailbox.status().stored());
        }

        @Test
        void messagesWithoutMessageIdAreKnownByTheHashOfTheirBytes() {
            String department = fx.department();
            CaseFileView caseFile = fx.caseFile(department);
            String folder = folder();
            byte[] one = MailMessages.message(null, "Ohne Kennung", "eins", List.of());
            byte[] other = MailMessages.message(null, "Ohne Kennung", "zwei", List.of());
            dovecot.deliver(folder, one);
            dovecot.deliver(folder, one);
            dovecot.deliver(folder, other);
            ImapMailbox mailbox = mailbox(folder, department, caseFile.fileReference());
            assertTrue(mailbox.poll());

            assertEquals(2, fx.core.caseFiles().details(fx.admin, caseFile.id()).processes().size());
            assertEquals(2, mailbox.status().stored());
            assertEquals(1, mailbox.status().duplicates());
            received("bau-" + folder).items().forEach(r -> assertTrue(r.messageKey().startsWith("sha256:")));
        }

        @Test
        void withoutACaseFileTheMessageWaitsUnfiledInTheDepartmentWithItsAttachmentsPointingToIt() {
            String department = fx.department();
            String folder = folder();
            dovecot.deliver(folder, MailMessages.message("<loose@example.org>", "Ohne Akte", "Text", List.of(
                    Attachment.text("d.txt", "Anhang"))));
            ImapMailbox mailbox = mailbox(folder, department, null);
            assertTrue(mailbox.poll());

            ReceivedMessageView row = received("bau-" + folder).items().get(0);
            assertNull(row.processId(), "a process belongs to a case file; none is invented");
            DocumentView lead = fx.core.documents().get(fx.admin, row.leadDocumentId());
            assertEquals(department, lead.department());
            assertNull(lead.caseFile());
            DocumentView attachment = fx.core.documents().get(fx.admin, row.leadDocumentId() + 1);
            assertEquals(lead.id(), attachment.batchDocumentId());
            assertEquals(Long.toString(lead.id()), attachment.metadata().get("mail.message"));
        }

        @Test
        void storedMessagesAreMovedToTheConfiguredFolderAfterTheCommit() {
            String department = fx.department();
            CaseFileView caseFile = fx.caseFile(department);
            String folder = folder();
            String archive = folder + "-Akte";
            dovecot.createFolder(archive);
            dovecot.deliver(folder, MailMessages.message("<move@example.org>", "Verschieben", "Text", List.of()));
            ImapMailbox mailbox = mailbox(folder, department, caseFile.fileReference(), archive,
                    Duration.ofSeconds(30));
            assertTrue(mailbox.poll());

            assertEquals(0, dovecot.count(folder));
            assertEquals(List.of(List.of(ImapMailbox.STORED, "\\Seen")), dovecot.flags(archive));
        }

        @Test
        void idleSeesAMessageAsSoonAsItArrivesWithoutWaitingForThePollInterval() throws Exception {
            String department = fx.department();
            CaseFileView caseFile = fx.caseFile(department);
            String folder = folder();
            // a poll interval far longer than the test may take: only IDLE can bring the message in
            ImapMailbox mailbox = mailbox(folder, department, caseFile.fileReference(), null, Duration.ofMinutes(30));
            assertTrue(mailbox.poll());
            Thread waiting = new Thread(mailbox::cycle);
            waiting.start();
            Thread.sleep(300);
            dovecot.deliver(folder, MailMessages.message("<idle@example.org>", "Sofort", "Text", List.of()));
            waiting.join(TimeUnit.SECONDS.toMillis(60));
            assertTrue(!waiting.isAlive(), "the IDLE ended when the message arrived");
            assertTrue(mailbox.poll());
            assertEquals(1, fx.core.caseFiles().details(fx.admin, caseFile.id()).processes().size());
        }

        @Test
        void aPoisonMessageIsSetAsideWithItsReasonAndTheMailboxCarriesOn() {
            String department = fx.department();
            CaseFileView caseFile = fx.caseFile(department);
            String folder = folder();
            // a program instead of a message: the store refuses it every time
            byte[] program = ("MZ\u0090\u0000 this is a Windows program\r\n").getBytes(StandardCharsets.ISO_8859_1);
            dovecot.deliver(folder, program);
            byte[] tooLarge = MailMessages.message("<large@example.org>", "Riesig", "x".repeat(5 << 20), List.of());
            dovecot.deliver(folder, tooLarge);
            dovecot.deliver(folder, MailMessages.message("<fine@example.org>", "In Ordnung", "Text", List.of()));
            ImapMailbox mailbox = mailbox(folder, department, caseFile.fileReference());
            assertTrue(mailbox.poll());
            assertTrue(mailbox.poll(), "a second look does not trip over the set-aside messages either");

            assertEquals(1, fx.core.caseFiles().details(fx.admin, caseFile.id()).processes().size());
            List<ReceivedMessageView> refused = fx.core.mail().list(fx.admin, "bau-" + folder, "REFUSED", 0, 10)
                    .items();
            assertEquals(2, refused.size());
            assertTrue(refused.stream().anyMatch(r -> r.reason().contains("not accepted as records")),
                    refused::toString);
            assertTrue(refused.stream().anyMatch(r -> r.reason().contains("more than the limit")), refused::toString);
            List<List<String>> flags = dovecot.flags(folder);
            assertEquals(List.of(ImapMailbox.REFUSED), flags.get(0), "refused, left unread for a person");
            assertEquals(List.of(ImapMailbox.REFUSED), flags.get(1));
            assertEquals(List.of(ImapMailbox.STORED, "\\Seen"), flags.get(2));
            assertEquals(2, mailbox.status().refused());
        }

        @Test
        void aMailboxNamingAnUnknownDepartmentIsDownWithTheReasonAndTouchesNoMessage() {
            String folder = folder();
            dovecot.deliver(folder, MailMessages.message("<nowhere@example.org>", "Wohin", "Text", List.of()));
            ImapMailbox mailbox = mailbox(folder, "gibt-es-nicht", null);

            assertTrue(!mailbox.poll());
            assertEquals("DOWN", mailbox.status().state());
            assertEquals("no department gibt-es-nicht", mailbox.status().reason());
            assertEquals(List.of(List.of()), dovecot.flags(folder));
        }

        @Test
        void aWrongPasswordLeavesTheMailboxDownWithTheServersReason() {
            MailboxSettings settings = new MailboxSettings("falsch", dovecot.host(), dovecot.port(),
                    MailboxSettings.Security.NONE, TestDovecot.USER, "falsch", "INBOX", fx.department(), null, null,
                    Duration.ofSeconds(1));
            ImapMailbox mailbox = new ImapMailbox(settings, fx.reception, MailFixture.LIMITS, fx.spool(), timer,
                    Clock.systemUTC());
            opened.add(mailbox);

            assertTrue(!mailbox.poll());
            assertEquals("DOWN", mailbox.status().state());
            assertNotNull(mailbox.status().reason());
            assertTrue(mailbox.status().reason().contains("Authentication failed"), mailbox.status()::reason);
        }
    }
}
