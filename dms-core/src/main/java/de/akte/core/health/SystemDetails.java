package de.akte.core.health;

import java.nio.file.Path;

/**
 * Where an installation keeps its data, for administrators.
 *
 * @param database         the database product, or {@code unreachable}
 * @param storage          the blob store as it describes itself
 * @param indexedDocuments how many documents the search index holds, or null when it cannot be read
 * @param dataDir          the data directory
 * @param searchIndex      the search index as it describes itself (its backend and where it is)
 */
public record SystemDetails(String database, String storage, Long indexedDocuments, Path dataDir,
                            String searchIndex) {
}
