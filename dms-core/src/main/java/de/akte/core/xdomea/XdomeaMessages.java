package de.akte.core.xdomea;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes and reads the xdomea 3.1.0 messages of the disposal process (Aussonderung): 0501 offer
 * list, 0502 appraisal, 0503 disposal, 0506 import confirmation. Every message written is validated
 * against the schemas before it is returned, every message read before it is used.
 */
public final class XdomeaMessages {

    /** The xdomea namespace. */
    public static final String NS = "urn:xoev-de:xdomea:schema:3.1.0";
    private static final String P = "xdomea";
    private static final java.time.format.DateTimeFormatter DATE_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final XdomeaSchema schema;

    public XdomeaMessages(XdomeaSchema schema) {
        this.schema = Objects.requireNonNull(schema);
    }

    /** 0501 Anbieteverzeichnis: the case files offered to the archive, metadata only. */
    public byte[] offer(UUID processId, Sender sender, List<OfferedCaseFile> files, Instant at) {
        return write("Aussonderung.Anbieteverzeichnis.0501", "0501", processId, sender, at, w -> {
            w.element("Empfangsbestaetigung", "true");
        }, files, false);
    }

    /** 0503 Aussonderung: the case files the archive takes, with their primary files named as in the ZIP. */
    public byte[] disposal(UUID processId, Sender sender, List<OfferedCaseFile> files, Instant at) {
        return write("Aussonderung.Aussonderung.0503", "0503", processId, sender, at, w -> {
            w.element("Importbestaetigung", "true");
            w.element("RueckmeldungArchivkennung", "true");
            w.element("Empfangsbestaetigung", "true");
        }, files, true);
    }

    /** The archive's 0502 Bewertungsverzeichnis: process id and the code (A, V, B) per offered object. */
    public Appraisals readAppraisal(byte[] xml) {
        schema.validate(xml);
        Map<UUID, String> decisions = new LinkedHashMap<>();
        UUID[] process = new UUID[1];
        read(xml, "Aussonderung.Bewertungsverzeichnis.0502", (path, text) -> {
            if (path.endsWith("/Kopf/ProzessID")) {
                process[0] = uuid(text);
            } else if (path.endsWith("/BewertetesObjekt/ID")) {
                decisions.put(uuid(text), null);
            } else if (path.endsWith("/BewertetesObjekt/Aussonderungsart/Aussonderungsart/code")) {
                UUID last = null;
                for (UUID k : decisions.keySet()) {
                    last = k;
                }
                decisions.put(last, text);
            } else if (path.endsWith("/BewertetesObjekt/Aussonderungsart/AussonderungsartKonfigurierbar")) {
                throw new InvalidXdomeaException("configurable appraisal codes are not supported; use A, V or B");
            }
        });
        return new Appraisals(process[0], decisions);
    }

    /** The archive's 0506 import confirmation: per object whether it was taken, and the archive's id for it. */
    public List<Confirmation> readConfirmation(byte[] xml) {
        schema.validate(xml);
        List<Confirmation> result = new ArrayList<>();
        UUID[] process = new UUID[1];
        String[] current = new String[3];
        List<String> errors = new ArrayList<>();
        read(xml, "Aussonderung.AussonderungImportBestaetigen.0506", (path, text) -> {
            if (path.endsWith("/Kopf/ProzessID")) {
                process[0] = uuid(text);
            } else if (path.endsWith("/AusgesondertesSGO/IDSGO")) {
                flush(result, process[0], current, errors);
                current[0] = text;
            } else if (path.endsWith("/AusgesondertesSGO/Erfolgreich")) {
                current[1] = text;
            } else if (path.endsWith("/AusgesondertesSGO/Archivkennung")) {
                current[2] = text;
            } else if (path.endsWith("/AusgesondertesSGO/Fehlermeldung")) {
                errors.add(text);
            }
        });
        flush(result, process[0], current, errors);
        return result;
    }

    private static void flush(List<Confirmation> into, UUID process, String[] current, List<String> errors) {
        if (current[0] != null) {
            into.add(new Confirmation(process, uuid(current[0]),
                    "true".equals(current[1]) || "1".equals(current[1]), current[2], List.copyOf(errors)));
        }
        current[0] = null;
        current[1] = null;
        current[2] = null;
        errors.clear();
    }

    /** What a 0502 said. */
    public record Appraisals(UUID processId, Map<UUID, String> codes) {
    }

    /** One line of a 0506. */
    public record Confirmation(UUID processId, UUID object, boolean success, String archiveId, List<String> errors) {
    }

    // ---- writing

    private interface Body {
        void write(Out w) throws XMLStreamException;
    }

    private byte[] write(String root, String type, UUID processId, Sender sender, Instant at, Body kopfTail,
                         List<OfferedCaseFile> files, boolean withContent) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("an xdomea disposal message needs at least one case file");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(bytes, "UTF-8");
            Out w = new Out(x);
            x.writeStartDocument("UTF-8", "1.0");
            x.setPrefix(P, NS);
            x.writeStartElement(P, root, NS);
            x.writeNamespace(P, NS);
            x.writeStartElement(P, "Kopf", NS);
            w.element("ProzessID", processId.toString());
            w.code("Nachrichtentyp", type, "urn:xoev-de:xdomea:codeliste:nachrichtentyp", "2.0");
            w.element("Erstellungszeitpunkt", dateTime(at));
            w.contact("Absender", sender.institution());
            w.contact("Empfaenger", sender.archive());
            x.writeStartElement(P, "SendendesSystem", NS);
            w.element("InstanzID", "akte");
            w.element("Produktname", sender.system());
            x.writeEndElement();
            kopfTail.write(w);
            x.writeEndElement();
            for (OfferedCaseFile f : files) {
                x.writeStartElement(P, "Schriftgutobjekt", NS);
                caseFile(w, f, withContent);
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write xdomea " + root, e);
        }
        byte[] xml = bytes.toByteArray();
        // never hand out an invalid message: a bug here must fail loudly, not reach the archive
        schema.validate(xml);
        return xml;
    }

    private static void caseFile(Out w, OfferedCaseFile f, boolean withContent) throws XMLStreamException {
        XMLStreamWriter x = w.x;
        x.writeStartElement(P, "Akte", NS);
        x.writeStartElement(P, "Identifikation", NS);
        w.element("ID", f.id().toString());
        x.writeEndElement();
        x.writeStartElement(P, "AllgemeineMetadaten", NS);
        w.element("Betreff", f.title());
        w.element("Kennzeichen", f.fileReference());
        w.element("Federfuehrung", f.department());
        x.writeEndElement();
        x.writeStartElement(P, "ArchivspezifischeMetadaten", NS);
        x.writeStartElement(P, "Aufbewahrungsdauer", NS);
        w.element("AnzahlJahre", Integer.toString(f.retentionYears()));
        x.writeEndElement();
        x.writeStartElement(P, "Aussonderungsart", NS);
        w.code("Aussonderungsart", f.proposal(), "urn:xoev-de:xdomea:codeliste:aussonderungsart", "1.0");
        x.writeEndElement();
        w.element("Aufbewahrungsende", f.disposalDate().toString());
        x.writeEndElement();
        x.writeStartElement(P, "Laufzeit", NS);
        w.element("Beginn", f.opened().toString());
        if (f.closed() != null) {
            w.element("Ende", f.closed().toString());
        }
        x.writeEndElement();
        if (withContent && !f.documents().isEmpty()) {
            x.writeStartElement(P, "Akteninhalt", NS);
            for (OfferedCaseFile.PackedDocument d : f.documents()) {
                document(w, d);
            }
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    private static void document(Out w, OfferedCaseFile.PackedDocument d) throws XMLStreamException {
        XMLStreamWriter x = w.x;
        x.writeStartElement(P, "Dokument", NS);
        x.writeStartElement(P, "Identifikation", NS);
        w.element("ID", d.id().toString());
        x.writeEndElement();
        x.writeStartElement(P, "AllgemeineMetadaten", NS);
        w.element("Betreff", d.title());
        x.writeEndElement();
        if (d.date() != null) {
            w.element("DatumDesSchreibens", d.date().toString());
        }
        for (OfferedCaseFile.PackedVersion v : d.versions()) {
            x.writeStartElement(P, "Version", NS);
            w.element("Nummer", Integer.toString(v.number()));
            format(w, v.format(), "unbekannt", v.fileName(), v.originalName(), v);
            if (v.renditionFileName() != null) {
                // the archival rendition made by Akte: PDF/A-2b, as a second format of the same version
                format(w, "pdf", "PDF/A-2b", v.renditionFileName(), null, v);
            }
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    private static void format(Out w, String code, String version, String fileName, String originalName,
                               OfferedCaseFile.PackedVersion v) throws XMLStreamException {
        XMLStreamWriter x = w.x;
        x.writeStartElement(P, "Format", NS);
        w.code("Name", code, "urn:xoev-de:xdomea:codeliste:dateiformat", "2.0");
        w.element("Version", version);
        x.writeStartElement(P, "Primaerdokument", NS);
        w.element("Dateiname", fileName);
        if (originalName != null) {
            w.element("DateinameOriginal", originalName);
        }
        w.element("Ersteller", v.createdBy());
        w.element("DatumUhrzeit", dateTime(v.createdAt()));
        x.writeEndElement();
        x.writeEndElement();
    }

    /** xs:dateTime always with seconds (java.time drops ":00", which the schema refuses). */
    private static String dateTime(Instant at) {
        return DATE_TIME.format(at.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    /** Small helpers over the stream writer. */
    private static final class Out {
        private final XMLStreamWriter x;

        Out(XMLStreamWriter x) {
            this.x = x;
        }

        void element(String name, String text) throws XMLStreamException {
            x.writeStartElement(P, name, NS);
            x.writeCharacters(text == null ? "" : text);
            x.writeEndElement();
        }

        void code(String name, String code, String listUri, String listVersion) throws XMLStreamException {
            x.writeStartElement(P, name, NS);
            x.writeAttribute("listURI", listUri);
            x.writeAttribute("listVersionID", listVersion);
            // code lists' children are unqualified in XÖV
            x.writeStartElement("code");
            x.writeCharacters(code);
            x.writeEndElement();
            x.writeEndElement();
        }

        void contact(String name, String institution) throws XMLStreamException {
            x.writeStartElement(P, name, NS);
            x.writeStartElement(P, "Institution", NS);
            element("Name", institution);
            x.writeEndElement();
            x.writeEndElement();
        }
    }

    // ---- reading

    private interface Visitor {
        void text(String path, String text);
    }

    private static void read(byte[] xml, String expectedRoot, Visitor visitor) {
        XMLInputFactory factory = XMLInputFactory.newInstance();
        // a received message must not make the server fetch or expand anything
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader r = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            StringBuilder path = new StringBuilder();
            StringBuilder text = new StringBuilder();
            boolean first = true;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (first && !expectedRoot.equals(r.getLocalName())) {
                        throw new InvalidXdomeaException("expected an xdomea " + expectedRoot + ", got "
                                + r.getLocalName());
                    }
                    first = false;
                    path.append('/').append(r.getLocalName());
                    text.setLength(0);
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    text.append(r.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String t = text.toString().strip();
                    if (!t.isEmpty()) {
                        visitor.text(path.toString(), t);
                    }
                    text.setLength(0);
                    path.setLength(path.lastIndexOf("/"));
                }
            }
        } catch (XMLStreamException e) {
            throw new InvalidXdomeaException("unreadable XML: " + e.getMessage(), e);
        }
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidXdomeaException("not a UUID: " + text);
        }
    }
}
