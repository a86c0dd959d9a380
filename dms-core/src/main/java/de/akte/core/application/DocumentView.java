package de.akte.core.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** A document as the API shows it. */
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
        Map<String, String> metadata) {
}
