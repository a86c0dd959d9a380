package de.akte.core.application.records;

import java.time.Instant;

/**
 * A legal hold as shown. {@code state}: ACTIVE, LIFT_REQUESTED (a records officer asked to lift it, a second one has
 * to agree) or LIFTED.
 */
public record LegalHoldView(long id, String targetType, long targetId, String reason, String reference,
                            String placedBy, Instant placedAt, String liftedBy, Instant liftedAt, boolean active,
                            String state, String liftRequestedBy, Instant liftRequestedAt, String liftReason) {
}
