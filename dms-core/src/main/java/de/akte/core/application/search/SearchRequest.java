package de.akte.core.application.search;

import java.time.LocalDate;

/** A search as the API receives it. */
public record SearchRequest(String q, String department, String documentType, String caseFile,
                            LocalDate from, LocalDate to, int page, int size) {
}
