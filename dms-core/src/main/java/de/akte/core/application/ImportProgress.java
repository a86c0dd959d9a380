package de.akte.core.application;

import java.time.Instant;

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
 */
public record ImportProgress(long id, String key, String source, String kind, String state, long total,
                             long received, long done, long failed, long duplicates, long pages,
                             double pagesPerMinute, Long etaSeconds, Instant createdAt, String createdBy,
                             Instant completedAt, Long protocolDocumentId) {
}
