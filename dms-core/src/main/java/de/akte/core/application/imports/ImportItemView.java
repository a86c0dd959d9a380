package de.akte.core.application.imports;

import de.akte.core.imports.ImportItem;

import java.time.Instant;

/** One file of a batch as the API shows it. */
public record ImportItemView(String path, String sha256, Long size, String state, Long documentId, Integer pages,
                             String reason, Instant importedAt) {

    static ImportItemView of(ImportItem item, Integer pages) {
        return new ImportItemView(item.path(), item.sha256().orElse(null), item.size().orElse(null),
                item.state().name(), item.documentId().orElse(null), pages, item.reason().orElse(null),
                item.createdAt());
    }

    /** The item without its document, for a viewer who may not open that document. */
    static ImportItemView withoutDocument(ImportItem item) {
        return new ImportItemView(item.path(), item.sha256().orElse(null), item.size().orElse(null),
                item.state().name(), null, null, item.reason().orElse(null), item.createdAt());
    }
}
