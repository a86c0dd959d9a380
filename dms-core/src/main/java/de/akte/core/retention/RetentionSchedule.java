package de.akte.core.retention;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

/**
 * An Aufbewahrungsfrist: how long records are kept after what, what happens then, and on which
 * legal basis. Kept on a file-plan node and inherited by every node below it.
 */
@Embeddable
public class RetentionSchedule {

    @Column(name = "retention_years")
    private Integer years;

    @Column(name = "retention_months")
    private Integer months;

    @Enumerated(EnumType.STRING)
    @Column(name = "retention_trigger", length = 32)
    private RetentionTrigger trigger;

    @Column(name = "retention_event", length = 100)
    private String eventName;

    @Enumerated(EnumType.STRING)
    @Column(name = "retention_action", length = 16)
    private DisposalAction action;

    @Column(name = "retention_legal_basis", length = 1000)
    private String legalBasis;

    protected RetentionSchedule() {
    }

    /** Throws {@link IllegalArgumentException} with a readable reason when the values do not make a schedule. */
    public RetentionSchedule(int years, int months, RetentionTrigger trigger, String eventName, DisposalAction action,
                             String legalBasis) {
        if (years < 0 || months < 0 || years > 200 || months > 11) {
            throw new IllegalArgumentException("a retention period needs 0-200 years and 0-11 months");
        }
        this.years = years;
        this.months = months;
        this.trigger = Objects.requireNonNull(trigger, "trigger");
        if (trigger == RetentionTrigger.EVENT) {
            if (eventName == null || eventName.isBlank()) {
                throw new IllegalArgumentException("an EVENT trigger needs the name of the event");
            }
            if (eventName.strip().length() > 100) {
                throw new IllegalArgumentException("an event name has at most 100 characters");
            }
            this.eventName = eventName.strip();
        } else if (eventName != null && !eventName.isBlank()) {
            throw new IllegalArgumentException("only an EVENT trigger names an event");
        }
        this.action = Objects.requireNonNull(action, "action");
        if (legalBasis == null || legalBasis.isBlank()) {
            throw new IllegalArgumentException("a retention schedule needs its legal basis");
        }
        if (legalBasis.strip().length() > 1000) {
            throw new IllegalArgumentException("the legal basis has at most 1000 characters");
        }
        this.legalBasis = legalBasis.strip();
    }

    /** Whether this embedded value holds a schedule at all (a node without one has every column empty). */
    public boolean isDefined() {
        return trigger != null;
    }

    public int years() {
        return years;
    }

    public int months() {
        return months;
    }

    public RetentionTrigger trigger() {
        return trigger;
    }

    /** The event name for an {@link RetentionTrigger#EVENT} trigger, else {@code null}. */
    public String eventName() {
        return eventName;
    }

    public DisposalAction action() {
        return action;
    }

    public String legalBasis() {
        return legalBasis;
    }

    /**
     * The day the period ends, from which on the file may be disposed of: the trigger day plus the period. Years
     * and months are added as one number of months (as {@link Period} does), so that a period starting on
     * 29 February does not end a day early after the years were cut to 28 February.
     */
    public LocalDate disposalDate(LocalDate triggerDay) {
        return triggerDay.plus(Period.of(years, months, 0));
    }

    @Override
    public String toString() {
        return years + "y" + months + "m after " + trigger + (eventName == null ? "" : " '" + eventName + "'")
                + " then " + action + " (" + legalBasis + ")";
    }
}
