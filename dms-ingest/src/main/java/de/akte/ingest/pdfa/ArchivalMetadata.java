package de.akte.ingest.pdfa;

import java.time.Instant;
import java.util.Objects;

/** Document metadata written to both XMP and the Info dictionary; title and author may be null. */
public record ArchivalMetadata(String title, String author, Instant created) {
    public ArchivalMetadata {
        Objects.requireNonNull(created, "created");
    }
}
