package de.akte.web.it;

import de.akte.core.application.records.ArchiveTransferService;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Records management end to end through the REST API of the provisioned WildFly: retention on the
 * file plan, zdA, legal hold, four-eyes destruction with certificate, and the xdomea transfer round
 * trip. The server runs on the real clock, so the files here were closed years ago.
 */
class RecordsManagementIT {

    private static final String PASSWORD = "it-password-123";
    private static final ApiClient ADMIN = ApiClient.admin();
    private static String run;
    private static String department;
    private static ApiClient officer;
    private static ApiClient secondOfficer;
    private static ApiClient clerk;

    @BeforeAll
    static void organisation() {
        run = UUID.randomUUID().toString().substring(0, 6);
        department = "rm" + run;
        assertEquals(201, ADMIN.postJson("/api/departments",
                "{\"code\":\"" + department + "\",\"name\":\"Hauptamt\",\"referencePrefixes\":[\"RM-" + run
                        + "/\"]}").status());
        user("reg1." + run, "RECORDS_OFFICER");
        user("reg2." + run, "RECORDS_OFFICER");
        user("clerk." + run, "CLERK");
        officer = ApiClient.as("reg1." + run, PASSWORD);
        secondOfficer = ApiClient.as("reg2." + run, PASSWORD);
        clerk = ApiClient.as("clerk." + run, PASSWORD);
    }

    private static void user(String name, String role) {
        ApiClient.Answer a = ADMIN.postJson("/api/users", "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD
                + "\",\"roles\":[\"" + role + "\"],\"departments\":[\"" + department + "\"]}");
        assertEquals(201, a.status(), a::text);
    }

    /** A file-plan node with a schedule of one year after closing; returns its code. */
    private static String node(String suffix, String action) {
        String code = "rm-" + run + "-" + suffix;
        ApiClient.Answer created = officer.postJson("/api/file-plan/nodes", "{\"plan\":\"IT-Aktenplan " + run
                + "\",\"code\":\"" + code + "\",\"title\":\"Knoten " + suffix + "\"}");
        assertEquals(201, created.status(), created::text);
        long id = created.json().getJsonNumber("id").longValue();
        ApiClient.Answer schedule = officer.putJson("/api/file-plan/nodes/" + id + "/retention",
                "{\"years\":1,\"months\":0,\"trigger\":\"CASE_FILE_CLOSED\",\"action\":\"" + action
                        + "\",\"legalBasis\":\"§ 5 AktO\"}");
        assertEquals(200, schedule.status(), schedule::text);
        return code;
    }

    /** A case file under the node opened and closed (zdA) years ago, with one document; returns its id. */
    private static long closedCaseFile(String nodeCode, String reference, String text) {
        ApiClient.Answer created = clerk.postJson("/api/case-files", "{\"fileReference\":\"" + reference
                + "\",\"title\":\"Akte " + reference + "\",\"department\":\"" + department + "\",\"filePlanNode\":\""
                + nodeCode + "\",\"openedOn\":\"2015-01-05\"}");
        assertEquals(201, created.status(), created::text);
        long id = created.json().getJsonNumber("id").longValue();
        ApiClient.Answer doc = clerk.upload("/api/documents", ApiClient.fields("title", "Schreiben " + reference,
                "caseFile", reference), "schreiben.txt", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(201, doc.status(), doc::text);
        ApiClient.Answer closed = clerk.postJson("/api/case-files/" + id + "/close", "{\"closedOn\":\"2016-03-01\"}");
        assertEquals(200, closed.status(), closed::text);
        assertEquals("2017-03-01", closed.json().getString("disposalDate"));
        return id;
    }

    private static long propose(String action, long... ids) {
        StringBuilder list = new StringBuilder();
        for (long id : ids) {
            list.append(list.length() == 0 ? "" : ",").append(id);
        }
        ApiClient.Answer proposed = officer.postJson("/api/disposals", "{\"action\":\"" + action
                + "\",\"caseFileIds\":[" + list + "]}");
        assertEquals(201, proposed.status(), proposed::text);
        return proposed.json().getJsonNumber("id").longValue();
    }

    @Test
    void aDueCaseFileIsDestroyedAfterASecondOfficerApprovedAndLeavesACertificate() {
        String node = node("destroy", "DESTROY");
        String reference = "RM-" + run + "/1";
        long caseFile = closedCaseFile(node, reference, "Vernichtbares Schreiben");

        JsonArray due = officer.get("/api/disposals/due?size=200").json().getJsonArray("items");
        assertTrue(due.stream().anyMatch(i -> i.asJsonObject().getJsonNumber("caseFileId").longValue() == caseFile),
                due::toString);

        ApiClient.Answer hold = officer.postJson("/api/legal-holds", "{\"targetType\":\"CASE_FILE\",\"targetId\":"
                + caseFile + ",\"reason\":\"Prüfung\",\"reference\":\"RPA 1/26\"}");
        assertEquals(201, hold.status(), hold::text);
        ApiClient.Answer blocked = officer.postJson("/api/disposals", "{\"action\":\"DESTROY\",\"caseFileIds\":["
                + caseFile + "]}");
        assertEquals(409, blocked.status(), blocked::text);
        assertTrue(blocked.header("Content-Type").startsWith("application/problem+json"));
        // the one-call form of earlier clients: asking answers 202 and lifts nothing, the second officer's call lifts
        String liftPath = "/api/legal-holds/" + hold.json().getJsonNumber("id") + "/lift";
        ApiClient.Answer asked = officer.post(liftPath);
        assertEquals(202, asked.status(), asked::text);
        assertEquals("LIFT_REQUESTED", asked.json().getString("state"));
        assertEquals(202, officer.post(liftPath).status(), "asking again changes nothing");
        ApiClient.Answer lifted = secondOfficer.post(liftPath);
        assertEquals(200, lifted.status(), lifted::text);
        assertEquals("LIFTED", lifted.json().getString("state"));

        long disposal = propose("DESTROY", caseFile);
        ApiClient.Answer self = officer.post("/api/disposals/" + disposal + "/approve");
        assertEquals(403, self.status(), "four eyes: " + self.text());
        assertEquals(403, ADMIN.post("/api/disposals/" + disposal + "/approve").status());
        assertEquals(403, clerk.post("/api/disposals/" + disposal + "/approve").status());
        assertEquals(409, officer.post("/api/disposals/" + disposal + "/execute").status(), "not approved yet");
        ApiClient.Answer approved = secondOfficer.post("/api/disposals/" + disposal + "/approve");
        assertEquals(200, approved.status(), approved::text);
        ApiClient.Answer executed = officer.post("/api/disposals/" + disposal + "/execute");
        assertEquals(200, executed.status(), executed::text);
        assertEquals("EXECUTED", executed.json().getString("state"));

        assertEquals(404, ADMIN.get("/api/case-files/" + caseFile).status());
        JsonArray certs = officer.get("/api/destruction-certificates?reference=" + ApiClient.q(reference)).structure()
                .asJsonArray();
        assertEquals(1, certs.size(), certs::toString);
        JsonObject cert = certs.getJsonObject(0);
        assertEquals(reference, cert.getString("fileReference"));
        assertEquals("§ 5 AktO", cert.getString("legalBasis"));
        assertEquals("reg1." + run, cert.getString("proposedBy"));
        assertEquals("reg2." + run, cert.getString("approvedBy"));
        assertEquals(64, cert.getJsonArray("versions").getJsonObject(0).getString("sha256").length());
    }

    @Test
    void aTransferRoundTripWithTheArchive() throws Exception {
        String node = node("transfer", "TRANSFER");
        long taken = closedCaseFile(node, "RM-" + run + "/A", "Archivwürdiges Protokoll");
        long declined = closedCaseFile(node, "RM-" + run + "/V", "Wertloses Schreiben");
        long disposal = propose("TRANSFER", taken, declined);
        assertEquals(200, secondOfficer.post("/api/disposals/" + disposal + "/approve").status());

        ApiClient.Answer offer = officer.postJson("/api/transfers", "{\"disposalId\":" + disposal + "}");
        assertEquals(200, offer.status(), offer::text);
        assertTrue(offer.text().contains("Aussonderung.Anbieteverzeichnis.0501"), offer::text);
        UUID process = UUID.fromString(officer.get("/api/disposals/" + disposal).json().getString("processId"));
        UUID takenId = ArchiveTransferService.objectId(taken);
        UUID declinedId = ArchiveTransferService.objectId(declined);
        assertTrue(offer.text().contains(takenId.toString()));

        ApiClient.Answer garbage = officer.postRaw("/api/transfers/" + disposal + "/appraisal", "application/xml",
                "<Aussonderung.Bewertungsverzeichnis.0502/>".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, garbage.status(), garbage::text);
        ApiClient.Answer appraised = officer.postRaw("/api/transfers/" + disposal + "/appraisal", "application/xml",
                appraisal(process, Map.of(takenId, "A", declinedId, "V")));
        assertEquals(200, appraised.status(), appraised::text);
        assertEquals(404, ADMIN.get("/api/case-files/" + declined).status(), "V is destroyed here");

        ApiClient.Answer pack = officer.get("/api/transfers/" + disposal + "/package");
        assertEquals(200, pack.status(), pack::text);
        assertTrue(pack.header("Content-Disposition").contains(process + "_Aussonderung.Aussonderung.0503.zip"));
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(pack.bytes()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        assertTrue(entries.containsKey(process + "_Aussonderung.Aussonderung.0503.xml"), entries.keySet()::toString);
        assertTrue(entries.values().stream().anyMatch(b -> new String(b, StandardCharsets.UTF_8)
                .equals("Archivwürdiges Protokoll")), "the primary file is in the package");

        ApiClient.Answer confirmed = officer.postRaw("/api/transfers/" + disposal + "/confirmation", "application/xml",
                confirmation(process, List.of(takenId)));
        assertEquals(200, confirmed.status(), confirmed::text);
        assertEquals("CONFIRMED", confirmed.json().getString("state"));
        assertEquals(404, ADMIN.get("/api/case-files/" + taken).status(), "removed after the archive's confirmation");
        JsonArray certs = officer.get("/api/destruction-certificates?reference=" + ApiClient.q("RM-" + run + "/A"))
                .structure().asJsonArray();
        assertTrue(certs.getJsonObject(0).getString("outcome").contains("0506"), certs::toString);
    }

    private static String kopf(UUID process, String type) {
        return "<Kopf><ProzessID>" + process + "</ProzessID><Nachrichtentyp><code xmlns=\"\">" + type
                + "</code></Nachrichtentyp><Erstellungszeitpunkt>2026-11-28T10:00:00Z</Erstellungszeitpunkt>"
                + "<Absender><Institution><Name>Archiv</Name></Institution></Absender>"
                + "<Empfaenger><Institution><Name>Stadt</Name></Institution></Empfaenger>";
    }

    private static byte[] appraisal(UUID process, Map<UUID, String> codes) {
        StringBuilder xml = new StringBuilder("<Aussonderung.Bewertungsverzeichnis.0502 "
                + "xmlns=\"urn:xoev-de:xdomea:schema:3.1.0\">").append(kopf(process, "0502"))
                .append("<Empfangsbestaetigung>false</Empfangsbestaetigung></Kopf>");
        codes.forEach((id, code) -> xml.append("<BewertetesObjekt><ID>").append(id)
                .append("</ID><Aussonderungsart><Aussonderungsart><code xmlns=\"\">").append(code)
                .append("</code></Aussonderungsart></Aussonderungsart></BewertetesObjekt>"));
        return xml.append("</Aussonderung.Bewertungsverzeichnis.0502>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] confirmation(UUID process, List<UUID> imported) {
        StringBuilder xml = new StringBuilder("<Aussonderung.AussonderungImportBestaetigen.0506 "
                + "xmlns=\"urn:xoev-de:xdomea:schema:3.1.0\">").append(kopf(process, "0506")).append("</Kopf>");
        imported.forEach(id -> xml.append("<AusgesondertesSGO><IDSGO>").append(id)
                .append("</IDSGO><Erfolgreich>true</Erfolgreich><Archivkennung>ARCH-1</Archivkennung>"
                        + "</AusgesondertesSGO>"));
        return xml.append("</Aussonderung.AussonderungImportBestaetigen.0506>").toString()
                .getBytes(StandardCharsets.UTF_8);
    }
}
