package de.akte.ingest.cli;

import java.time.LocalDate;

/** The metadata sent along with one file: the manifest row's values, else the command-line defaults. */
record UploadFields(String caseFile, String department, String documentType, String title, LocalDate documentDate) {

    static UploadFields of(ImportOptions options, ManifestRow row) {
        if (row == null) {
            return new UploadFields(options.caseFile(), options.department(), options.documentType(), null, null);
        }
        return new UploadFields(
                row.caseFile() != null ? row.caseFile() : options.caseFile(),
                row.department() != null ? row.department() : options.department(),
                row.documentType() != null ? row.documentType() : options.documentType(),
                row.title(),
                row.date());
    }
}
