package de.akte.ingest.cli;

/** The server's batch for this import; {@code resumed} when a batch with the key existed already (a re-run). */
record OpenedBatch(long id, boolean resumed) {
}
