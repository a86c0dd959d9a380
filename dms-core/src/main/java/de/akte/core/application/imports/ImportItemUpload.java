package de.akte.core.application.imports;

import java.time.LocalDate;

/**
 * One file handed in to a batch, with what its manifest row says (each value overrides the batch's).
 *
 * @param path   the file's path within the batch, its identity there
 * @param sha256 the SHA-256 the sender computed, checked against what arrives; may be null
 */
public record ImportItemUpload(String path, String sha256, String caseFile, String department, String documentType,
                               String title, LocalDate documentDate) {
}
