package de.akte.core.application.documents;

import de.akte.core.casefile.CaseFile;
import de.akte.core.document.Document;
import de.akte.core.document.DocumentVersion;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A document as the API shows it.
 *
 * @param batchDocumentId the scanned batch (or the e-mail message) this document was cut from, if any
 * @param fields          dates, file references, IBANs, amounts and senders found in the current version
 * @param filingState     AUTO_FILED, REVIEW (waits in the inbox) or FILED (by a person); null before recognition
 * @param classification  the predictions by label: documentType, department, caseFile
 * @param routingNote     set while the registry is asked whether the document belongs elsewhere; names nothing of
 *                        any other department
 */
public record DocumentView(
        long id,
        String title,
        String status,
        String statusReason,
        String department,
        String caseFile,
        Long caseFileId,
        Long processId,
        String documentType,
        LocalDate documentDate,
        int currentVersion,
        Instant createdAt,
        String createdBy,
        Map<String, String> metadata,
        Long batchDocumentId,
        List<FieldView> fields,
        String filingState,
        Map<String, PredictionView> classification,
        String routingNote) {

    /** The document as the API shows it: its current version's metadata, found fields and predictions. */
    public static DocumentView of(Document d) {
        DocumentVersion current = d.versions().isEmpty() ? null : d.current();
        return new DocumentView(d.id(), d.title(), d.status().name(), d.statusReason().orElse(null),
                d.department().code(), d.caseFile().map(c -> c.fileReference().value()).orElse(null),
                d.caseFile().map(CaseFile::id).orElse(null),
                d.process().map(de.akte.core.casefile.Process::id).orElse(null),
                d.documentType().orElse(null), d.documentDate().orElse(null), d.currentVersion(), d.createdAt(),
                d.createdBy(), current == null ? Map.of() : current.metadata(),
                d.batchDocumentId().orElse(null),
                current == null ? List.of() : current.fields().stream()
                        .map(f -> new FieldView(f.kind(), f.value(), f.raw(), f.page(), f.start(), f.end()))
                        .toList(),
                d.filingState().map(Enum::name).orElse(null), predictionsOf(d), d.routingNote().orElse(null));
    }

    private static Map<String, PredictionView> predictionsOf(Document d) {
        Map<String, PredictionView> byLabel = new LinkedHashMap<>();
        d.predictions().forEach((label, p) -> byLabel.put(label.key(),
                new PredictionView(p.value(), p.confidence(), p.reason())));
        return byLabel;
    }

    /** The classifier's prediction for one label: value, confidence (0–1) and why. */
    public record PredictionView(String value, double confidence, String reason) {
    }

    /** A field found in the text of the current version, and where: page (1-based) and character offsets. */
    public record FieldView(String kind, String value, String raw, int page, int start, int end) {
    }
}
