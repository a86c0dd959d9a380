package de.akte.core.xdomea;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The xdomea disposal messages: what is written validates against the 3.1.0 schemas, what is read is checked. */
class XdomeaMessagesTest {

    private static final XdomeaSchema SCHEMA = new XdomeaSchema();
    private final XdomeaMessages messages = new XdomeaMessages(SCHEMA);
    private final Sender sender = new Sender("Stadt Musterstadt", "Stadtarchiv Musterstadt", "Akte");
    private final UUID process = UUID.randomUUID();
    private final Instant at = Instant.parse("2036-12-01T10:15:30.123Z");

    private OfferedCaseFile file(UUID id, String reference, boolean withDocuments) {
        UUID doc = UUID.randomUUID();
        return new OfferedCaseFile(id, reference, "Bauakte Lindenstraße 5 & <Anbau>", "63", LocalDate.of(2020, 1, 2),
                LocalDate.of(2025, 6, 30), LocalDate.of(2035, 6, 30), 10, "A", withDocuments
                ? List.of(new OfferedCaseFile.PackedDocument(doc, "Bauantrag", LocalDate.of(2020, 1, 5), List.of(
                new OfferedCaseFile.PackedVersion(1, doc + "_1_antrag.pdf", "antrag.pdf", "pdf", "clerk",
                        Instant.parse("2020-01-05T08:00:00Z"), doc + "_1_rendition_pdfa.pdf"))))
                : List.of());
    }

    @Test
    void theOfferListValidatesAndNamesEachCaseFile() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        String xml = new String(messages.offer(process, sender, List.of(file(a, "63-1/2020", false),
                file(b, "63-2/2020", false)), at), StandardCharsets.UTF_8);
        assertTrue(xml.contains("Aussonderung.Anbieteverzeichnis.0501"), xml);
        assertTrue(xml.contains("ProzessID>" + process + "</xdomea:ProzessID>"), xml);
        assertTrue(xml.contains("<code>0501</code>"), xml);
        assertTrue(xml.contains(a.toString()) && xml.contains(b.toString()), xml);
        assertTrue(xml.contains("&lt;Anbau&gt;"), "text is escaped: " + xml);
        assertFalse(xml.contains("Primaerdokument"), "an offer carries no primary files");
    }

    @Test
    void theDisposalMessageValidatesAndListsThePrimaryFiles() {
        UUID a = UUID.randomUUID();
        OfferedCaseFile f = file(a, "63-1/2020", true);
        String xml = new String(messages.disposal(process, sender, List.of(f), at), StandardCharsets.UTF_8);
        assertTrue(xml.contains("Aussonderung.Aussonderung.0503"), xml);
        assertTrue(xml.contains("Dateiname>" + f.documents().get(0).versions().get(0).fileName() + "</xdomea:Dateiname>"),
                xml);
        assertTrue(xml.contains("Importbestaetigung>true</xdomea:Importbestaetigung>"), xml);
        assertTrue(xml.contains("_1_rendition_pdfa.pdf</xdomea:Dateiname>"), "the rendition is a second format: " + xml);
    }

    @Test
    void anAppraisalIsReadPerObject() {
        UUID a = UUID.randomUUID();
        UUID v = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        byte[] xml = XdomeaTestMessages.appraisal(process, Map.of(a, "A", v, "V", b, "B"));
        SCHEMA.validate(xml);
        XdomeaMessages.Appraisals read = messages.readAppraisal(xml);
        assertEquals(process, read.processId());
        assertEquals(Map.of(a, "A", v, "V", b, "B"), read.codes());
    }

    @Test
    void anInvalidAppraisalIsRefusedWithItsPosition() {
        String bad = new String(XdomeaTestMessages.appraisal(process, Map.of(UUID.randomUUID(), "A")),
                StandardCharsets.UTF_8).replace(">A</code>", ">X</code>");
        InvalidXdomeaException e = assertThrows(InvalidXdomeaException.class,
                () -> messages.readAppraisal(bad.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("line"), e.getMessage());
        assertThrows(InvalidXdomeaException.class, () -> messages.readAppraisal("<nope/>".getBytes()));
        assertThrows(InvalidXdomeaException.class, () -> messages.readAppraisal(
                ("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>").getBytes()));
    }

    @Test
    void anImportConfirmationIsReadPerObject() {
        UUID a = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        byte[] xml = XdomeaTestMessages.confirmation(process, Map.of(a, true, c, false));
        List<XdomeaMessages.Confirmation> read = messages.readConfirmation(xml);
        assertEquals(2, read.size());
        XdomeaMessages.Confirmation ok = read.stream().filter(x -> x.object().equals(a)).findFirst().orElseThrow();
        assertTrue(ok.success());
        assertEquals("ARCH-" + a.toString().substring(0, 8), ok.archiveId());
        XdomeaMessages.Confirmation failed = read.stream().filter(x -> x.object().equals(c)).findFirst().orElseThrow();
        assertFalse(failed.success());
        assertEquals(List.of("Import fehlgeschlagen"), failed.errors());
    }
}
