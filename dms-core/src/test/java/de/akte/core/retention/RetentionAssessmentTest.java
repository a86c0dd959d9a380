package de.akte.core.retention;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which day a file's retention starts from, and when it is due: never while the file is open. */
class RetentionAssessmentTest {

    private static final LocalDate CLOSED = LocalDate.of(2020, 6, 30);
    private static final LocalDate LATEST_DOCUMENT = LocalDate.of(2020, 5, 12);
    private static final LocalDate OPENED = LocalDate.of(2018, 1, 8);
    private static final TriggerDates DATES = new TriggerDates(CLOSED, LATEST_DOCUMENT, OPENED,
            Map.of("Ende Bewilligungszeitraum", LocalDate.of(2021, 12, 31)));

    private static RetentionSchedule fiveYearsAfter(RetentionTrigger trigger, String event) {
        return new RetentionSchedule(5, 0, trigger, event, DisposalAction.DESTROY, "§ 10 AktO");
    }

    @Test
    void eachTriggerStartsFromItsOwnDay() {
        assertEquals(Optional.of(CLOSED), DATES.startOf(fiveYearsAfter(RetentionTrigger.CASE_FILE_CLOSED, null)));
        assertEquals(Optional.of(LATEST_DOCUMENT), DATES.startOf(fiveYearsAfter(RetentionTrigger.DOCUMENT_DATE, null)));
        assertEquals(Optional.of(OPENED), DATES.startOf(fiveYearsAfter(RetentionTrigger.CREATED, null)));
        assertEquals(Optional.of(LocalDate.of(2021, 12, 31)),
                DATES.startOf(fiveYearsAfter(RetentionTrigger.EVENT, "Ende Bewilligungszeitraum")));
    }

    @Test
    void anEventThatHasNotHappenedStartsNoPeriod() {
        RetentionSchedule schedule = fiveYearsAfter(RetentionTrigger.EVENT, "Ende Förderung");
        assertTrue(DATES.startOf(schedule).isEmpty());
        RetentionAssessment a = RetentionAssessment.of(schedule, "1.2", DATES, true);
        assertTrue(a.disposalDate().isEmpty());
        assertFalse(a.isDueOn(LocalDate.of(2100, 1, 1)));
    }

    @Test
    void aClosedFileIsDueFromItsDisposalDateOn() {
        RetentionAssessment a = RetentionAssessment.of(fiveYearsAfter(RetentionTrigger.CASE_FILE_CLOSED, null), "1.2",
                DATES, true);
        assertEquals(Optional.of(LocalDate.of(2025, 6, 30)), a.disposalDate());
        assertEquals(Optional.of(DisposalAction.DESTROY), a.action());
        assertEquals("1.2", a.sourceNode());
        assertFalse(a.isDueOn(LocalDate.of(2025, 6, 29)));
        assertTrue(a.isDueOn(LocalDate.of(2025, 6, 30)));
        assertTrue(a.isDueOn(LocalDate.of(2031, 1, 1)));
    }

    @Test
    void anOpenFileIsNeverDueWhateverItsTrigger() {
        RetentionAssessment a = RetentionAssessment.of(fiveYearsAfter(RetentionTrigger.CREATED, null), "1.2",
                new TriggerDates(null, null, OPENED, Map.of()), false);
        assertTrue(a.schedule().isPresent());
        assertTrue(a.disposalDate().isEmpty());
        assertFalse(a.isDueOn(LocalDate.of(2100, 1, 1)));
    }

    @Test
    void aFileWithoutScheduleIsNeverDue() {
        RetentionAssessment none = RetentionAssessment.none();
        assertTrue(none.action().isEmpty());
        assertFalse(none.isDueOn(LocalDate.of(2100, 1, 1)));
    }
}
