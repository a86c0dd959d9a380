package de.akte.core.application.records;

/** A retention schedule as asked for: period, trigger (with event name), action, legal basis. */
public record ScheduleRequest(Integer years, Integer months, String trigger, String event, String action,
                              String legalBasis) {
}
