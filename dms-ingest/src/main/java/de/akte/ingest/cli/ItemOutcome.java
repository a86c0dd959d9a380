package de.akte.ingest.cli;

/**
 * What became of one file of the import: its path in the batch, the server's item state (IMPORTED, DUPLICATE or
 * FAILED), the document it
 * became, its locally counted pages and, for a failure, why (or "already imported" for a file an earlier run sent).
 */
public record ItemOutcome(String path, String state, Long documentId, Integer pages, String reason) {

    public static final String IMPORTED = "IMPORTED";
    public static final String DUPLICATE = "DUPLICATE";
    public static final String FAILED = "FAILED";
    /** The reason given to files the batch held before this run; they were not sent again. */
    public static final String ALREADY_IMPORTED = "already imported";

    public boolean alreadyImported() {
        return ALREADY_IMPORTED.equals(reason) && !FAILED.equals(state);
    }

    static ItemOutcome failed(String path, Integer pages, String reason) {
        return new ItemOutcome(path, FAILED, null, pages, reason);
    }
}
