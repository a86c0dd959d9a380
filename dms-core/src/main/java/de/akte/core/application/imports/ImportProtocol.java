package de.akte.core.application.imports;

import de.akte.core.imports.CsvCells;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The protocol of a bulk import, as substitutive scanning (BSI TR-RESISCAN) asks for it: who scanned and who
 * imported, when, from where, and for each file its SHA-256 and the document it became.
 *
 * @param department for a protocol kept as a document: the department it is filed in, whose files alone it lists;
 *                   null for the whole batch as its owner or an administrator reads it
 */
public record ImportProtocol(long batchId, String key, String source, String kind, String importedBy,
                             String scannedBy, Instant openedAt, Instant writtenAt, List<ImportItemView> items,
                             String department) {

    public ImportProtocol {
        items = List.copyOf(items);
    }

    /**
     * The protocol as CSV (RFC 4180 quoting, semicolon-separated, UTF-8, CRLF), preceded by the batch's facts as
     * one-cell records starting with {@code #}; free text such as {@code scannedBy} is quoted and neutralised like
     * every other cell, so it can neither forge a record nor run as a spreadsheet formula.
     */
    public String toCsv() {
        StringBuilder out = new StringBuilder();
        out.append(fact("# Akte import protocol"))
                .append(fact("# batch: " + batchId + " (" + key + ")"))
                .append(fact("# source: " + source + " (" + kind + ")"))
                .append(fact("# imported by: " + importedBy))
                .append(fact("# scanned by: " + scannedBy));
        if (department != null) {
            out.append(fact("# department: " + department + " (the files of this batch filed there)"));
        }
        out.append(fact("# opened: " + openedAt))
                .append(fact("# written: " + writtenAt))
                .append(CsvCells.record(List.of("path", "sha256", "size", "state", "documentId", "pages", "importedAt",
                        "reason")));
        for (ImportItemView item : items) {
            out.append(CsvCells.record(Arrays.asList(item.path(), item.sha256(), item.size(), item.state(),
                    item.documentId(), item.pages(), item.importedAt(), item.reason())));
        }
        return out.toString();
    }

    private static String fact(String text) {
        return CsvCells.record(List.of(text));
    }
}
