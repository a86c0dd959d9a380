package de.akte.core.retention;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * The dates of one case file a retention period may start from; empty where the event has not
 * happened (an open file has no closing day).
 */
public record TriggerDates(LocalDate closedOn, LocalDate latestDocumentDate, LocalDate openedOn,
                           Map<String, LocalDate> events) {

    public TriggerDates {
        events = Map.copyOf(events);
    }

    /** The day the schedule's period starts from, if it has happened. */
    public Optional<LocalDate> startOf(RetentionSchedule schedule) {
        return Optional.ofNullable(switch (schedule.trigger()) {
            case CASE_FILE_CLOSED -> closedOn;
            case DOCUMENT_DATE -> latestDocumentDate;
            case CREATED -> openedOn;
            case EVENT -> events.get(schedule.eventName());
        });
    }
}
