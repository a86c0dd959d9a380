package de.akte.core.indexing;

import java.util.List;

/** The transactional outbox of pending index changes. */
public interface IndexOutbox {

    /** Records that a document's index entry must be refreshed (within the caller's transaction). */
    void enqueue(long documentId);

    /** The oldest pending requests. */
    List<IndexRequest> oldest(int limit);

    /** Removes requests that have been applied to the index. */
    void remove(List<Long> requestIds);

    long size();
}
