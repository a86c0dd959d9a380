package de.akte.core.application.documents;

import java.time.LocalDate;

/** A change of a document's descriptive data; null fields stay as they are, blank strings clear. */
public record MetadataChange(String title, String documentType, String caseFile, LocalDate documentDate) {
}
