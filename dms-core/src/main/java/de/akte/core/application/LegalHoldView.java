package de.akte.core.application;

import java.time.Instant;

/** A legal hold as shown. */
public record LegalHoldView(long id, String targetType, long targetId, String reason, String reference,
                            String placedBy, Instant placedAt, String liftedBy, Instant liftedAt, boolean active) {
}
