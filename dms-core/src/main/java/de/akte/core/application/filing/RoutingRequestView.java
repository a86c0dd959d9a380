package de.akte.core.application.filing;

import java.time.Instant;

/** A routing request as records officers see it: which document, in which department, why, and what was found. */
public record RoutingRequestView(long id, long documentId, String documentTitle, String department, String cause,
                                 String detail, Instant createdAt) {
}
