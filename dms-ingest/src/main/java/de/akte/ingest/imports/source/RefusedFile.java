package de.akte.ingest.imports.source;

/** A file of the source that cannot be imported: its path in the batch and why, in words for the import protocol. */
public record RefusedFile(String path, String reason) {
}
