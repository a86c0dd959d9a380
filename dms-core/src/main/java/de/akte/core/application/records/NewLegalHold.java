package de.akte.core.application.records;

/** A legal hold as asked for: on a case file or a document (by id), with reason and reference. */
public record NewLegalHold(String targetType, Long targetId, String reason, String reference) {
}
