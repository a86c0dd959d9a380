package de.akte.core.application.filing;

import java.time.Instant;
import java.time.LocalDate;

/** A case file as lists show it. */
public record CaseFileView(long id, String fileReference, String title, String department, String filePlanNode,
                           String status, LocalDate openedOn, LocalDate closedOn, Instant createdAt, String createdBy) {
}
