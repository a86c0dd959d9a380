package de.akte.core.application.records;

/**
 * The retention of a file-plan node: its own schedule (if defined there) and the one in effect,
 * with the node it is inherited from.
 */
public record NodeRetentionView(long nodeId, String code, String title, ScheduleView own, ScheduleView effective,
                                String effectiveFrom) {
}
