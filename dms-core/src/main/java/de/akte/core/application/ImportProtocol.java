package de.akte.core.application;

import java.time.Instant;
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

    /** The protocol as CSV (semicolon-separated, UTF-8), preceded by the batch's facts as comment lines. */
    public String toCsv() {
        StringBuilder out = new StringBuilder();
        out.append("# Akte import protocol\n")
                .append("# batch: ").append(batchId).append(" (").append(key).append(")\n")
                .append("# source: ").append(source).append(" (").append(kind).append(")\n")
                .append("# imported by: ").append(importedBy).append("\n")
                .append("# scanned by: ").append(scannedBy).append("\n");
        if (department != null) {
            out.append("# department: ").append(department).append(" (the files of this batch filed there)\n");
        }
        out.append("# opened: ").append(openedAt).append("\n")
                .append("# written: ").append(writtenAt).append("\n")
                .append("path;sha256;size;state;documentId;pages;importedAt;reason\n");
        for (ImportItemView item : items) {
            out.append(cell(item.path())).append(';').append(cell(item.sha256())).append(';')
                    .append(cell(item.size())).append(';').append(item.state()).append(';')
                    .append(cell(item.documentId())).append(';').append(cell(item.pages())).append(';')
                    .append(cell(item.importedAt())).append(';').append(cell(item.reason())).append('\n');
        }
        return out.toString();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        return s.contains(";") || s.contains("\"") || s.contains("\n")
                ? '"' + s.replace("\"", "\"\"").replace("\n", " ") + '"' : s;
    }
}
