package de.akte.core.health;

import de.akte.core.storage.BlobStore;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** Reads where the installation keeps its data; a part that cannot be read is named so, not a failure. */
public final class HealthDetails {

    private final DatabaseProduct database;
    private final BlobStore storage;
    private final LongSupplier indexedDocuments;
    private final Path dataDir;
    private final Supplier<String> searchIndex;

    /**
     * @param indexedDocuments counts the search index's documents; a supplier because the index's port names
     *                         this package (it reports its own health)
     * @param searchIndex      how the search index describes itself ({@code TextIndex::describe})
     */
    public HealthDetails(DatabaseProduct database, BlobStore storage, LongSupplier indexedDocuments, Path dataDir,
                         Supplier<String> searchIndex) {
        this.database = Objects.requireNonNull(database, "database");
        this.storage = Objects.requireNonNull(storage, "storage");
        this.indexedDocuments = Objects.requireNonNull(indexedDocuments, "indexedDocuments");
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        this.searchIndex = Objects.requireNonNull(searchIndex, "searchIndex");
    }

    public SystemDetails read() {
        String product;
        try {
            product = database.name();
        } catch (Exception e) {
            product = "unreachable";
        }
        Long indexed;
        try {
            indexed = indexedDocuments.getAsLong();
        } catch (RuntimeException e) {
            indexed = null;
        }
        return new SystemDetails(product, storage.describe(), indexed, dataDir, searchIndex.get());
    }
}
