package de.akte.core.application.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A document as the API shows it.
 *
 * @param batchDocumentId the scanned batch this document was cut from, if any
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

    /** The classifier's prediction for one label: value, confidence (0–1) and why. */
    public record PredictionView(String value, double confidence, String reason) {
    }

    /** A field found in the text of the current version, and where: page (1-based) and character offsets. */
    public record FieldView(String kind, String value, String raw, int page, int start, int end) {
    }
}
