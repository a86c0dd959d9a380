package de.akte.ingest.imports.source;

import java.nio.file.Path;

/** One file to import: its path in the batch (relative, forward slashes), where its bytes lie locally, and their hash. */
public record SourceFile(String path, Path file, long size, String sha256) {
}
