package de.akte.core.retention;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What the retention rules say about one case file: the schedule that applies (and the file-plan
 * node it comes from), the disposal date once its period has started, and the action then.
 *
 * @param schedule     the effective schedule, empty when no node above the file defines one
 * @param sourceNode   code of the file-plan node the schedule is defined on
 * @param disposalDate the first day the file may be disposed of; empty while the trigger has not happened
 *                     or while the file is still open (an open file is never due)
 */
public record RetentionAssessment(Optional<RetentionSchedule> schedule, String sourceNode,
                                  Optional<LocalDate> disposalDate) {

    /** No schedule applies. */
    public static RetentionAssessment none() {
        return new RetentionAssessment(Optional.empty(), null, Optional.empty());
    }

    /** Assesses a file under a schedule; only a closed file gets a disposal date. */
    public static RetentionAssessment of(RetentionSchedule schedule, String sourceNode, TriggerDates dates,
                                         boolean closed) {
        Optional<LocalDate> date = closed ? dates.startOf(schedule).map(schedule::disposalDate) : Optional.empty();
        return new RetentionAssessment(Optional.of(schedule), sourceNode, date);
    }

    public Optional<DisposalAction> action() {
        return schedule.map(RetentionSchedule::action);
    }

    /** Whether the file may be disposed of on {@code today}. */
    public boolean isDueOn(LocalDate today) {
        return disposalDate.map(d -> !d.isAfter(today)).orElse(false);
    }
}
