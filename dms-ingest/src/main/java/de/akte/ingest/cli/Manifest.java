package de.akte.ingest.cli;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The rows of a manifest CSV by the file path they describe. */
public final class Manifest {

    private final Map<String, ManifestRow> rows;

    Manifest(Map<String, ManifestRow> rows) {
        this.rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
    }

    static Manifest empty() {
        return new Manifest(Map.of());
    }

    public Optional<ManifestRow> row(String path) {
        return Optional.ofNullable(rows.get(path));
    }

    public Collection<ManifestRow> rows() {
        return rows.values();
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
