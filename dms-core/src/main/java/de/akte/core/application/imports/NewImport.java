package de.akte.core.application.imports;

import de.akte.core.imports.ImportKind;

/**
 * A request to open (or, with a known key, to continue) a bulk import.
 *
 * @param key           chosen by the sender so that running the same import again continues it
 * @param source        where the files come from, e.g. {@code cli:scan-pc-3:/scans/2026-11-28}
 * @param serverPath    for a server-side import: the folder or ZIP on the server
 * @param caseFile      file reference the documents go into, unless an item says otherwise
 * @param department    department code of the documents, unless an item says otherwise
 * @param scannedBy     who scanned the paper (for the import protocol), if not the importer
 * @param expectedItems how many files the sender will hand in, if known
 */
public record NewImport(String key, String source, ImportKind kind, String serverPath, String caseFile,
                        String department, String documentType, String scannedBy, Integer expectedItems) {
}
