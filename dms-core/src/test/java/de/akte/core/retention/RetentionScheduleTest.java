package de.akte.core.retention;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A retention schedule is a whole rule (period, trigger, action, legal basis) and computes the disposal date. */
class RetentionScheduleTest {

    private static RetentionSchedule after(int years, int months) {
        return new RetentionSchedule(years, months, RetentionTrigger.CASE_FILE_CLOSED, null, DisposalAction.DESTROY,
                "§ 10 AktO");
    }

    @Test
    void theDisposalDateIsTheTriggerDayPlusThePeriod() {
        assertEquals(LocalDate.of(2036, 3, 1), after(10, 0).disposalDate(LocalDate.of(2026, 3, 1)));
        assertEquals(LocalDate.of(2031, 9, 15), after(5, 6).disposalDate(LocalDate.of(2026, 3, 15)));
        assertEquals(LocalDate.of(2026, 3, 15), after(0, 0).disposalDate(LocalDate.of(2026, 3, 15)),
                "no period: disposable from the trigger day on");
    }

    @Test
    void aPeriodFromTheEndOfAMonthEndsOnTheLastDayOfAShorterMonth() {
        assertEquals(LocalDate.of(2026, 2, 28), after(0, 1).disposalDate(LocalDate.of(2026, 1, 31)));
        assertEquals(LocalDate.of(2029, 2, 28), after(5, 0).disposalDate(LocalDate.of(2024, 2, 29)));
        assertEquals(LocalDate.of(2032, 2, 29), after(8, 0).disposalDate(LocalDate.of(2024, 2, 29)));
    }

    @Test
    void aPeriodOfYearsAndMonthsFromTheTwentyNinthOfFebruaryDoesNotEndADayEarly() {
        // years first would cut the day to 28 February 2025 and then carry the 28th into March
        assertEquals(LocalDate.of(2025, 3, 29), after(1, 1).disposalDate(LocalDate.of(2024, 2, 29)));
        assertEquals(LocalDate.of(2030, 3, 29), after(6, 1).disposalDate(LocalDate.of(2024, 2, 29)));
    }

    @Test
    void takesBetweenNoneAnd200YearsAndAtMost11Months() {
        assertEquals(200, after(200, 11).years());
        assertThrows(IllegalArgumentException.class, () -> after(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> after(201, 0));
        assertThrows(IllegalArgumentException.class, () -> after(0, -1));
        assertThrows(IllegalArgumentException.class, () -> after(0, 12), "a year is written as a year");
    }

    @Test
    void anEventTriggerNamesItsEventAndNoOtherTriggerDoes() {
        RetentionSchedule event = new RetentionSchedule(6, 0, RetentionTrigger.EVENT, " Ende Bewilligungszeitraum ",
                DisposalAction.REVIEW, "§ 6 SGB");
        assertEquals("Ende Bewilligungszeitraum", event.eventName());
        assertThrows(IllegalArgumentException.class, () -> new RetentionSchedule(6, 0, RetentionTrigger.EVENT, " ",
                DisposalAction.DESTROY, "§ 6"));
        assertThrows(IllegalArgumentException.class, () -> new RetentionSchedule(6, 0, RetentionTrigger.EVENT,
                "e".repeat(101), DisposalAction.DESTROY, "§ 6"));
        assertThrows(IllegalArgumentException.class, () -> new RetentionSchedule(6, 0,
                RetentionTrigger.CASE_FILE_CLOSED, "Ende", DisposalAction.DESTROY, "§ 6"));
        assertNull(new RetentionSchedule(6, 0, RetentionTrigger.CREATED, " ", DisposalAction.DESTROY, "§ 6")
                .eventName(), "a blank event name on another trigger is none");
    }

    @Test
    void needsItsLegalBasisOfAtMost1000Characters() {
        assertThrows(IllegalArgumentException.class, () -> new RetentionSchedule(1, 0,
                RetentionTrigger.CREATED, null, DisposalAction.DESTROY, " "));
        assertThrows(IllegalArgumentException.class, () -> new RetentionSchedule(1, 0,
                RetentionTrigger.CREATED, null, DisposalAction.DESTROY, "b".repeat(1001)));
        assertEquals("§ 10 AktO", new RetentionSchedule(1, 0, RetentionTrigger.CREATED, null,
                DisposalAction.TRANSFER, "  § 10 AktO ").legalBasis());
    }

    @Test
    void needsATriggerAndAnAction() {
        assertThrows(NullPointerException.class, () -> new RetentionSchedule(1, 0, null, null,
                DisposalAction.DESTROY, "§ 1"));
        assertThrows(NullPointerException.class, () -> new RetentionSchedule(1, 0, RetentionTrigger.CREATED, null,
                null, "§ 1"));
    }

    @Test
    void aNodeWithoutScheduleHoldsAnUndefinedOne() {
        assertTrue(after(1, 0).isDefined());
        assertFalse(new RetentionSchedule().isDefined(), "every column empty");
    }
}
