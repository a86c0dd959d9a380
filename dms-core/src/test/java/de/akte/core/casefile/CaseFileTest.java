package de.akte.core.casefile;

import de.akte.core.department.Department;
import de.akte.core.shared.ConflictException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A case file opens, closes (zdA) and reopens; while closed it takes nothing new. */
class CaseFileTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private final CaseFile caseFile = new CaseFile(new FileReference("32-41/2026"), "Gaststätte Linde",
            new Department("32", "Ordnungsamt", NOW), null, LocalDate.of(2026, 1, 5), NOW, "clerk");

    @Test
    void anOpenCaseFileTakesNewProcesses() {
        assertFalse(caseFile.isClosed());
        assertDoesNotThrow(() -> new Process(caseFile, "Erlaubnis", NOW, "clerk"));
    }

    @Test
    void refusesNewProcessesInAClosedCaseFile() {
        caseFile.close(LocalDate.of(2026, 3, 1));
        assertTrue(caseFile.isClosed());
        CaseFileClosedException e = assertThrows(CaseFileClosedException.class,
                () -> new Process(caseFile, "Nachtrag", NOW, "clerk"));
        assertEquals("case file 32-41/2026 is closed (zdA): it takes no new processes until it is reopened",
                e.getMessage());
        assertEquals("32-41/2026", e.fileReference());
    }

    @Test
    void aReopenedCaseFileTakesNewProcessesAgain() {
        caseFile.close(LocalDate.of(2026, 3, 1));
        caseFile.reopen();
        assertFalse(caseFile.isClosed());
        assertDoesNotThrow(() -> new Process(caseFile, "Nachtrag", NOW, "clerk"));
    }

    @Test
    void requireOpenCompletesTheSentenceItIsGiven() {
        assertDoesNotThrow(() -> caseFile.requireOpen("it takes nothing"));
        caseFile.close(LocalDate.of(2026, 3, 1));
        assertTrue(assertThrows(CaseFileClosedException.class, () -> caseFile.requireOpen("it takes nothing"))
                .getMessage().contains("closed (zdA): it takes nothing until it is reopened"));
    }

    @Test
    void aNewCaseFileIsOpenUnderItsTrimmedTitle() {
        CaseFile c = new CaseFile(new FileReference(" 32-41/2027 "), "  Gaststätte Rose ",
                new Department("32", "Ordnungsamt", NOW), null, LocalDate.of(2027, 1, 5), NOW, "clerk");
        assertEquals(CaseFileStatus.OPEN, c.status());
        assertEquals("Gaststätte Rose", c.title());
        assertEquals("32-41/2027", c.fileReference().value());
        assertTrue(c.closedOn().isEmpty());
        assertTrue(c.filePlanNode().isEmpty());
    }

    @Test
    void refusesACaseFileWithoutTitle() {
        Department d = new Department("32", "Ordnungsamt", NOW);
        assertThrows(IllegalArgumentException.class, () -> new CaseFile(new FileReference("32-1/2026"), " ", d, null,
                LocalDate.of(2026, 1, 5), NOW, "clerk"));
        assertThrows(IllegalArgumentException.class, () -> new CaseFile(new FileReference("32-1/2026"), null, d, null,
                LocalDate.of(2026, 1, 5), NOW, "clerk"));
        assertThrows(IllegalArgumentException.class, () -> caseFile.retitle("  "));
        assertEquals("Gaststätte Linde", caseFile.title());
    }

    @Test
    void closingRecordsTheDayTheRetentionClockStartsFrom() {
        caseFile.close(LocalDate.of(2026, 3, 1));
        assertEquals(CaseFileStatus.CLOSED, caseFile.status());
        assertEquals(Optional.of(LocalDate.of(2026, 3, 1)), caseFile.closedOn());
    }

    @Test
    void aCaseFileMayBeClosedOnTheDayItWasOpened() {
        assertDoesNotThrow(() -> caseFile.close(LocalDate.of(2026, 1, 5)));
    }

    @Test
    void refusesClosingBeforeTheDayItWasOpened() {
        assertThrows(IllegalArgumentException.class, () -> caseFile.close(LocalDate.of(2026, 1, 4)));
        assertFalse(caseFile.isClosed());
        assertTrue(caseFile.closedOn().isEmpty());
    }

    @Test
    void refusesClosingAClosedCaseFileAgain() {
        caseFile.close(LocalDate.of(2026, 3, 1));
        ConflictException e = assertThrows(ConflictException.class, () -> caseFile.close(LocalDate.of(2026, 4, 1)));
        assertEquals("case file 32-41/2026 is already closed", e.getMessage());
        assertEquals(Optional.of(LocalDate.of(2026, 3, 1)), caseFile.closedOn(), "the first closing day stays");
    }

    @Test
    void refusesReopeningAnOpenCaseFile() {
        assertThrows(ConflictException.class, caseFile::reopen);
    }

    @Test
    void reopeningStopsTheRetentionClock() {
        caseFile.close(LocalDate.of(2026, 3, 1));
        caseFile.reopen();
        assertEquals(CaseFileStatus.OPEN, caseFile.status());
        assertTrue(caseFile.closedOn().isEmpty());
        caseFile.close(LocalDate.of(2026, 5, 1));
        assertEquals(Optional.of(LocalDate.of(2026, 5, 1)), caseFile.closedOn(), "closed again, the clock starts anew");
    }

    @Test
    void aClosedCaseFileCanStillBeRetitled() {
        caseFile.close(LocalDate.of(2026, 3, 1));
        caseFile.retitle(" Gaststätte Linde (Konzession) ");
        assertEquals("Gaststätte Linde (Konzession)", caseFile.title());
    }

    @Test
    void recordsNamedEventsUnderTheirTrimmedNameAndMovesThem() {
        caseFile.recordEvent(" Ende Bewilligungszeitraum ", LocalDate.of(2026, 6, 30));
        caseFile.recordEvent("Ende Bewilligungszeitraum", LocalDate.of(2026, 12, 31));
        assertEquals(Map.of("Ende Bewilligungszeitraum", LocalDate.of(2026, 12, 31)), caseFile.events());
        assertThrows(UnsupportedOperationException.class,
                () -> caseFile.events().put("x", LocalDate.of(2026, 1, 1)), "only recordEvent changes events");
    }

    @Test
    void refusesAnEventWithoutNameDateOrWithAnOverlongName() {
        assertThrows(IllegalArgumentException.class, () -> caseFile.recordEvent(" ", LocalDate.of(2026, 1, 1)));
        assertThrows(IllegalArgumentException.class, () -> caseFile.recordEvent(null, LocalDate.of(2026, 1, 1)));
        assertThrows(IllegalArgumentException.class,
                () -> caseFile.recordEvent("e".repeat(101), LocalDate.of(2026, 1, 1)));
        assertThrows(NullPointerException.class, () -> caseFile.recordEvent("Ende", null));
        assertDoesNotThrow(() -> caseFile.recordEvent("e".repeat(100), LocalDate.of(2026, 1, 1)));
        assertEquals(1, caseFile.events().size());
    }

    @Test
    void anAppraisalNoteIsCutTo500CharactersAndClearedByNull() {
        caseFile.noteAppraisal("n".repeat(600));
        assertEquals(500, caseFile.appraisalNote().orElseThrow().length());
        caseFile.noteAppraisal(null);
        assertTrue(caseFile.appraisalNote().isEmpty());
    }

    @Test
    void aProcessNeedsATitle() {
        assertThrows(IllegalArgumentException.class, () -> new Process(caseFile, " ", NOW, "clerk"));
        assertEquals("Erlaubnis", new Process(caseFile, " Erlaubnis ", NOW, "clerk").title());
    }
}
