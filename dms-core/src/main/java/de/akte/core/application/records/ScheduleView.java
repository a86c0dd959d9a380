package de.akte.core.application.records;

import de.akte.core.retention.RetentionSchedule;

/** A retention schedule as shown. */
public record ScheduleView(int years, int months, String trigger, String event, String action, String legalBasis) {

    public static ScheduleView of(RetentionSchedule s) {
        return s == null ? null : new ScheduleView(s.years(), s.months(), s.trigger().name(), s.eventName(),
                s.action().name(), s.legalBasis());
    }
}
