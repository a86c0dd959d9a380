package de.akte.core.application.records;

import de.akte.core.casefile.CaseFile;
import de.akte.core.disposition.DisposalItem;
import de.akte.core.document.Document;
import de.akte.core.document.DocumentRepository;
import de.akte.core.document.DocumentVersion;
import de.akte.core.xdomea.OfferedCaseFile;
import de.akte.core.retention.DisposalAction;
import de.akte.core.retention.RetentionAssessment;
import de.akte.core.storage.BlobId;
import de.akte.core.storage.BlobStore;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The case files of a transfer as the archive receives them: described for the offer list and the package under
 * stable xdomea ids, and their primary files (every version's original and rendition) packed with the message.
 */
public class TransferredRecords {

    private final DocumentRepository documents;
    private final RetentionRules rules;
    private final BlobStore blobs;

    public TransferredRecords(DocumentRepository documents, RetentionRules rules, BlobStore blobs) {
        this.documents = documents;
        this.rules = rules;
        this.blobs = blobs;
    }

    /** A primary file of the package: its name there and its blob. */
    record PrimaryFile(String name, String sha256) {
    }

    /** The stable xdomea id of a case file. */
    static UUID objectId(long caseFileId) {
        return UUID.nameUUIDFromBytes(("akte:caseFile:" + caseFileId).getBytes(StandardCharsets.UTF_8));
    }

    static UUID documentId(long documentId) {
        return UUID.nameUUIDFromBytes(("akte:document:" + documentId).getBytes(StandardCharsets.UTF_8));
    }

    /** The case file as an offer list or (with its content) a package describes it (inside a unit of work). */
    OfferedCaseFile describe(DisposalItem item, CaseFile c, boolean withContent) {
        RetentionAssessment a = rules.assess(c);
        String proposal = a.action().orElse(DisposalAction.TRANSFER) == DisposalAction.REVIEW ? "B" : "A";
        int years = a.schedule().map(s -> s.years() + (s.months() > 0 ? 1 : 0)).orElse(0);
        List<OfferedCaseFile.PackedDocument> docs = new ArrayList<>();
        if (withContent) {
            for (Document doc : documents.findInCaseFile(c)) {
                List<OfferedCaseFile.PackedVersion> versions = doc.versions().stream()
                        .map(v -> new OfferedCaseFile.PackedVersion(v.number(), primaryName(doc, v), v.fileName(),
                                extension(v.fileName()), v.createdBy(), v.createdAt(),
                                v.renditionSha256().map(r -> renditionName(doc, v)).orElse(null))).toList();
                docs.add(new OfferedCaseFile.PackedDocument(documentId(doc.id()), doc.title(),
                        doc.documentDate().orElse(null), versions));
            }
        }
        return new OfferedCaseFile(objectId(c.id()), c.fileReference().value(), c.title(), c.department().code(),
                c.openedOn(), c.closedOn().orElse(null), item.disposalDate(), years, proposal, docs);
    }

    /** The primary files of every version of the case file's documents (inside a unit of work). */
    List<PrimaryFile> primaryFiles(CaseFile c) {
        List<PrimaryFile> files = new ArrayList<>();
        for (Document doc : documents.findInCaseFile(c)) {
            for (DocumentVersion v : doc.versions()) {
                files.add(new PrimaryFile(primaryName(doc, v), v.sha256()));
                v.renditionSha256().ifPresent(r -> files.add(new PrimaryFile(renditionName(doc, v), r)));
            }
        }
        return files;
    }

    /** The 0503 package: the message and the primary files, written when the package is sent. */
    ArchivePackage pack(String processId, byte[] message, List<PrimaryFile> files) {
        String base = processId + "_Aussonderung.Aussonderung.0503";
        return new ArchivePackage(base + ".zip", out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry(base + ".xml"));
            zip.write(message);
            zip.closeEntry();
            for (PrimaryFile file : files) {
                zip.putNextEntry(new ZipEntry(file.name()));
                try (InputStream in = blobs.open(new BlobId(file.sha256()))) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
            zip.finish();
        });
    }

    /** Primary file names start with the document's UUID, as xdomea's Dateiname type requires. */
    private static String primaryName(Document doc, DocumentVersion v) {
        String safe = v.fileName().replaceAll("[^\\p{L}\\p{N}._-]", "_");
        return documentId(doc.id()) + "_" + v.number() + "_" + safe;
    }

    private static String renditionName(Document doc, DocumentVersion v) {
        return documentId(doc.id()) + "_" + v.number() + "_rendition_pdfa.pdf";
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 || dot == fileName.length() - 1 ? "unbekannt" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
