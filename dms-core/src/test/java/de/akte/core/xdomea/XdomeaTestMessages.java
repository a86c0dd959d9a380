package de.akte.core.xdomea;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** The archive's side for tests: a 0502 appraisal and a 0506 import confirmation as an archive would send them. */
public final class XdomeaTestMessages {

    private XdomeaTestMessages() {
    }

    private static String kopf(UUID process, String type) {
        return "<Kopf><ProzessID>" + process + "</ProzessID>"
                + "<Nachrichtentyp listURI=\"urn:xoev-de:xdomea:codeliste:nachrichtentyp\" listVersionID=\"2.0\">"
                + "<code xmlns=\"\">" + type + "</code></Nachrichtentyp>"
                + "<Erstellungszeitpunkt>2036-12-02T09:00:00Z</Erstellungszeitpunkt>"
                + "<Absender><Institution><Name>Stadtarchiv</Name></Institution></Absender>"
                + "<Empfaenger><Institution><Name>Stadt</Name></Institution></Empfaenger>";
    }

    /** A 0502 Bewertungsverzeichnis deciding A, V or B per object. */
    public static byte[] appraisal(UUID process, Map<UUID, String> codes) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Aussonderung.Bewertungsverzeichnis.0502 xmlns=\"urn:xoev-de:xdomea:schema:3.1.0\">")
                .append(kopf(process, "0502")).append("<Empfangsbestaetigung>false</Empfangsbestaetigung></Kopf>");
        codes.forEach((id, code) -> xml.append("<BewertetesObjekt><ID>").append(id).append("</ID><Aussonderungsart>"
                + "<Aussonderungsart listURI=\"urn:xoev-de:xdomea:codeliste:aussonderungsart\" listVersionID=\"1.0\">"
                + "<code xmlns=\"\">").append(code).append("</code></Aussonderungsart></Aussonderungsart></BewertetesObjekt>"));
        return xml.append("</Aussonderung.Bewertungsverzeichnis.0502>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A 0506 import confirmation; a failed object carries an error message. */
    public static byte[] confirmation(UUID process, Map<UUID, Boolean> outcomes) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Aussonderung.AussonderungImportBestaetigen.0506 xmlns=\"urn:xoev-de:xdomea:schema:3.1.0\">")
                .append(kopf(process, "0506")).append("</Kopf>");
        outcomes.forEach((id, ok) -> xml.append("<AusgesondertesSGO><IDSGO>").append(id).append("</IDSGO>")
                .append("<Erfolgreich>").append(ok).append("</Erfolgreich>")
                .append(ok ? "" : "<Fehlermeldung>Import fehlgeschlagen</Fehlermeldung>")
                .append(ok ? "<Archivkennung>ARCH-" + id.toString().substring(0, 8) + "</Archivkennung>" : "")
                .append("</AusgesondertesSGO>"));
        return xml.append("</Aussonderung.AussonderungImportBestaetigen.0506>").toString()
                .getBytes(StandardCharsets.UTF_8);
    }
}
