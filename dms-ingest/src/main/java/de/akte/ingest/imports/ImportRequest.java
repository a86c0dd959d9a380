package de.akte.ingest.imports;

/**
 * A request to open (or, with a known key, to continue) a bulk import, as a client sends it: either the client hands
 * in the files itself, or it names a folder or ZIP the server reads ({@code serverPath}).
 *
 * @param key           chosen by the sender so that running the same import again continues it; for a server path
 *                      {@code server:<path>} unless given
 * @param source        where the files come from; for a server path {@code server:<path>} unless given
 * @param serverPath    the folder or ZIP on the server, or null when the client hands in the files
 * @param expectedItems how many files the sender will hand in, if known
 */
public record ImportRequest(String key, String source, String caseFile, String department, String documentType,
                            String scannedBy, Integer expectedItems, String serverPath) {

    /** Whether the server reads the files from its own disk. */
    public boolean onServer() {
        return serverPath != null && !serverPath.isBlank();
    }
}
