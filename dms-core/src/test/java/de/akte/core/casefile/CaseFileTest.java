package de.akte.core.casefile;

import de.akte.core.department.Department;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
