package de.akte.ingest.cli;

import java.time.LocalDate;

/** One manifest line: the file it describes (relative path, forward slashes) and the metadata given for it. */
public record ManifestRow(int line, String file, String caseFile, String department, String documentType, String title,
                          LocalDate date) {
}
