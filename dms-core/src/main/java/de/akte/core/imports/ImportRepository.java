package de.akte.core.imports;

import java.util.List;
import java.util.Optional;

/** Stores batches and their items. */
public interface ImportRepository {

    void add(ImportBatch batch);

    void add(ImportItem item);

    void remove(ImportItem item);

    Optional<ImportBatch> find(long id);

    /** The owner's batch with this key; another owner's batch under the same key is a different batch. */
    Optional<ImportBatch> findByKey(ImportOwner owner, String key);

    Optional<ImportItem> item(long batchId, String path);

    /** The first imported (not duplicate, not failed) item of the batch with this content. */
    Optional<ImportItem> importedWithContent(long batchId, String sha256);

    /** Items in the order they came, optionally only those in one state. */
    List<ImportItem> items(long batchId, ItemState state, int offset, int limit);

    long countItems(long batchId, ItemState state);

    /** Figures over the documents the batch's items became. */
    DocumentTally tallyDocuments(long batchId);

    /** Open batches that a server-side job reads, to be resumed after a restart. */
    List<ImportBatch> openServerBatches();

    /** The newest batches, newest first; only those of {@code owner}, or all when it is null. */
    List<ImportBatch> newest(ImportOwner owner, int limit);

    /**
     * How the documents of a batch stand in processing.
     *
     * @param ready         documents READY
     * @param failed        documents FAILED or QUARANTINED
     * @param pagesReady    pages of the READY documents
     * @param lastReadyAt   when the last of them became ready (epoch milli), 0 if none
     */
    record DocumentTally(long ready, long failed, long pagesReady, long lastReadyAt) {
    }
}
