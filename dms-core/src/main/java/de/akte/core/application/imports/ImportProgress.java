package de.akte.core.application.imports;

import java.time.Instant;
import java.util.List;

/**
 * Where a batch stands.
 *
 * @param state          {@code IMPORTING} (files still coming), {@code PROCESSING} (all in, documents being
 *                       recognised) or {@code COMPLETED}
 * @param total          files expected (or handed in, if more)
 * @param received       files handed in so far
 * @param done           files that became searchable documents, or were duplicates
 * @param failed         files refused at import or whose document failed in processing
 * @param pages          pages of the documents done
 * @param pagesPerMinute pages done per minute since the batch was opened
 * @param etaSeconds     estimated seconds until every expected file is done, null while unknown
 * @param createdBy      who opened the batch (for a server-side import: the administrator who asked for it)
 * @param protocolDocumentId  the first of {@code protocolDocumentIds}, null if none
 * @param owner          whose batch it is: a username, {@code system:hot-folder} or {@code system:server-import}
 * @param protocolDocumentIds the protocol documents written at completion (one per department) that the viewer
 *                       may open
 */
public record ImportProgress(long id, String key, String source, String kind, String state, long total,
                             long received, long done, long failed, long duplicates, long pages,
                             double pagesPerMinute, Long etaSeconds, Instant createdAt, String createdBy,
                             Instant completedAt, Long protocolDocumentId, String owner,
                             List<Long> protocolDocumentIds) {

    public ImportProgress {
        protocolDocumentIds = List.copyOf(protocolDocumentIds);
    }
}
