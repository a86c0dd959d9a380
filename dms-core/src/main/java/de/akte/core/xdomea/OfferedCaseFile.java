package de.akte.core.xdomea;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A case file as it appears in xdomea disposal messages.
 *
 * @param id              the Schriftgutobjekt's stable UUID
 * @param retentionYears  the schedule's period in whole years (xdomea knows no months)
 * @param proposal        the proposed Aussonderungsart: A (archive), V (destroy) or B (appraise)
 * @param documents       the documents with their primary files; empty in an offer list (0501)
 */
public record OfferedCaseFile(UUID id, String fileReference, String title, String department, LocalDate opened,
                              LocalDate closed, LocalDate disposalDate, int retentionYears, String proposal,
                              List<PackedDocument> documents) {

    public OfferedCaseFile {
        documents = List.copyOf(documents);
    }

    /** A document in a 0503 package. */
    public record PackedDocument(UUID id, String title, LocalDate date, List<PackedVersion> versions) {
        public PackedDocument {
            versions = List.copyOf(versions);
        }
    }

    /**
     * One version's primary file: {@code fileName} is the name inside the ZIP (starts with the
     * document's UUID, as xdomea requires), {@code format} the file extension used as format code;
     * {@code renditionFileName} names the archival PDF/A rendition as a second format, or is {@code null}.
     */
    public record PackedVersion(int number, String fileName, String originalName, String format, String createdBy,
                                java.time.Instant createdAt, String renditionFileName) {
    }
}
