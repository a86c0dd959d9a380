package de.akte.ingest.mail;

import de.akte.core.application.documents.DocumentView;
import de.akte.core.application.mail.MailTarget;
import de.akte.core.application.mail.ReceivedMessageView;
import de.akte.core.application.search.SearchRequest;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.ForbiddenException;
import de.akte.core.testing.TestClamd;
import de.akte.core.testing.TestDatabase;
import de.akte.ingest.testing.MailMessages;
import de.akte.ingest.testing.MailMessages.Attachment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A message's documents go through the normal pipeline like any upload: the real clamd scans each before anyone
 * may read it (an infected attachment is quarantined, its message and siblings are not), then recognition and the
 * index; the metadata the message gave stays and is searchable.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailPipelineTest {

    private TestClamd clamd;
    private MailFixture fx;

    @BeforeAll
    void start() throws IOException {
        clamd = TestClamd.start(Files.createTempDirectory("akte-mail-clamd"), 1 << 20);
        fx = new MailFixture(TestDatabase.Kind.H2, clamd.scanner());
    }

    @AfterAll
    void stop() {
        if (fx != null) {
            fx.close();
        }
        if (clamd != null) {
            clamd.close();
        }
    }

    @Test
    void everyPartIsScannedBeforeAnyoneSeesItThenRecognisedAndFound() throws IOException {
        String department = fx.department();
        fx.caseFile(department);
        Caller clerk = new Caller("clerk-" + department, Set.of(Role.CLERK), Set.of(department));
        MailTarget post = new MailTarget("post", department, department + "-10/2026");
        ReceivedMessageView clean = receive(post, MailMessages.message("<pipeline@example.org>",
                "Widerspruch Gebührenbescheid", "Sehr geehrte Damen und Herren, hiermit lege ich Widerspruch ein.",
                List.of(Attachment.text("begruendung.txt", "Die Begründung betrifft das Flurstück Lindenwiese."))));
        ReceivedMessageView infected = receive(post, MailMessages.message("<virus@example.org>", "Rechnung",
                "Bitte öffnen.", List.of(Attachment.text("rechnung.txt", "Rechnung Nummer 4711"),
                        Attachment.text("virus.txt", TestClamd.EICAR))));

        assertThrows(ForbiddenException.class, () -> fx.core.documents().openContent(clerk, clean.leadDocumentId(), 1),
                "nothing is readable before it is scanned");
        while (fx.core.processor().processDue(10) > 0) {
            // work off the queue as the server's workers do
        }
        fx.core.indexer().drainAll();

        assertEquals(Map.of("Widerspruch Gebührenbescheid", "READY", "begruendung", "READY"), states(clean));
        // the message holds the malware too (clamd reads mail): it and the infected part are quarantined
        assertEquals(Map.of("Rechnung", "QUARANTINED", "rechnung", "READY", "virus", "QUARANTINED"), states(infected));
        assertEquals(1, fx.core.search().search(clerk, query("Lindenwiese")).total(),
                "the attachment's text is found");
        assertEquals(1, fx.core.search().search(clerk, query("Gebührenbescheid")).total(),
                "the message is found by its subject");
        DocumentView lead = fx.core.documents().get(clerk, clean.leadDocumentId());
        assertEquals("Erika Mustermann <erika@example.org>", lead.metadata().get("mail.from"),
                "recognition keeps what the message said");
        assertTrue(new String(fx.core.documents().openContent(clerk, clean.leadDocumentId(), 1).stream()
                .readAllBytes(), StandardCharsets.UTF_8).contains("Widerspruch ein."));
    }

    private ReceivedMessageView receive(MailTarget target, byte[] raw) throws IOException {
        Path file = Files.createDirectories(fx.spool()).resolve(sha256(raw) + ".eml");
        Files.write(file, raw);
        return fx.reception.receive(target, file, sha256(raw)).message();
    }

    private Map<String, String> states(ReceivedMessageView message) {
        return java.util.stream.LongStream.range(message.leadDocumentId(),
                        message.leadDocumentId() + message.documentCount())
                .mapToObj(id -> fx.core.documents().get(fx.admin, id))
                .collect(Collectors.toMap(DocumentView::title, DocumentView::status));
    }

    private static SearchRequest query(String q) {
        return new SearchRequest(q, null, null, null, null, null, 0, 20);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
