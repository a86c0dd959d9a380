package de.akte.ingest.cli;

import de.akte.ingest.imports.source.SourceFile;

/** An item the server already holds for the batch, as listed by {@code GET /api/imports/{id}/items}. */
record RemoteItem(String path, String sha256, String state, Long documentId, Integer pages, String reason) {

    /** True when this exact content is in already, so a re-run need not send it again. */
    boolean alreadyHolds(SourceFile file) {
        return (ItemOutcome.IMPORTED.equals(state) || ItemOutcome.DUPLICATE.equals(state))
                && file.sha256().equalsIgnoreCase(sha256 == null ? "" : sha256);
    }
}
