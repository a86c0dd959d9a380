package de.akte.core.document;

import de.akte.core.casefile.CaseFile;
import de.akte.core.casefile.CaseFileClosedException;
import de.akte.core.casefile.FileReference;
import de.akte.core.casefile.Process;
import de.akte.core.department.Department;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A closed (zdA) case file is final: every way a document could enter, leave or change in it is refused. */
class DocumentTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final ContentDescriptor CONTENT = new ContentDescriptor("a".repeat(64), 10, "text/plain",
            "brief.txt");

    private final Department ordnung = new Department("32", "Ordnungsamt", NOW);
    private final CaseFile closed = caseFile("32-41/2025");
    private final CaseFile open = caseFile("32-41/2026");

    DocumentTest() {
        closed.close(LocalDate.of(2026, 3, 1));
    }

    private CaseFile caseFile(String reference) {
        return new CaseFile(new FileReference(reference), "Akte " + reference, ordnung, null,
                LocalDate.of(2025, 1, 5), NOW, "clerk");
    }

    private Document documentIn(CaseFile caseFile) {
        Document d = new Document("Brief", ordnung, caseFile, null, null, NOW, "clerk");
        d.addVersion(CONTENT, NOW, "clerk");
        return d;
    }

    @Test
    void refusesANewDocumentInAClosedCaseFile() {
        CaseFileClosedException e = assertThrows(CaseFileClosedException.class,
                () -> new Document("Nachtrag", ordnung, closed, null, null, NOW, "clerk"));
        assertEquals("case file 32-41/2025 is closed (zdA): it takes no new documents until it is reopened",
                e.getMessage());
    }

    @Test
    void refusesMovingADocumentIntoAClosedCaseFile() {
        Document d = documentIn(open);
        assertThrows(CaseFileClosedException.class, () -> d.fileInto(closed, null));
        assertSame(open, d.caseFile().orElseThrow(), "the document stays where it was");

        Document loose = documentIn(null);
        assertThrows(CaseFileClosedException.class, () -> loose.fileInto(closed, null));
        assertTrue(loose.caseFile().isEmpty());
    }

    @Test
    void refusesMovingADocumentOutOfAClosedCaseFile() {
        Document d = documentIn(open);
        closeAfterFiling(open);
        assertThrows(CaseFileClosedException.class, () -> d.fileInto(null, null));
        CaseFile other = caseFile("32-41/2027");
        CaseFileClosedException e = assertThrows(CaseFileClosedException.class, () -> d.fileInto(other, null));
        assertTrue(e.getMessage().contains("no document leaves it"), e.getMessage());
        assertSame(open, d.caseFile().orElseThrow());
    }

    @Test
    void refusesMovingADocumentOfAClosedCaseFileToAnotherDepartment() {
        Document d = documentIn(open);
        closeAfterFiling(open);
        assertThrows(CaseFileClosedException.class, () -> d.moveTo(new Department("63", "Bauamt", NOW)));
        assertEquals("32", d.department().code());
        assertDoesNotThrow(() -> d.moveTo(ordnung), "staying in the same department changes nothing");
    }

    @Test
    void refusesMovingADocumentBetweenProcessesOfAClosedCaseFile() {
        Process process = new Process(open, "Anhörung", NOW, "clerk");
        Document d = new Document("Brief", ordnung, open, process, null, NOW, "clerk");
        closeAfterFiling(open);
        assertThrows(CaseFileClosedException.class, () -> d.fileInto(open, null));
        assertSame(process, d.process().orElseThrow());
        assertDoesNotThrow(() -> d.fileInto(open, process), "filing it where it is changes nothing");
    }

    @Test
    void refusesANewVersionOfADocumentInAClosedCaseFile() {
        Document d = documentIn(open);
        closeAfterFiling(open);
        assertThrows(CaseFileClosedException.class, () -> d.addVersion(CONTENT, NOW, "clerk"));
        assertEquals(1, d.versions().size());
        assertEquals(1, d.currentVersion());
    }

    @Test
    void metadataOfADocumentInAClosedCaseFileCanStillBeCorrected() {
        Document d = documentIn(open);
        closeAfterFiling(open);
        d.retitle("Brief vom 1. März");
        d.classifyAs("Bescheid");
        d.dateAs(LocalDate.of(2026, 3, 1));
        assertEquals("Brief vom 1. März", d.title());
    }

    @Test
    void aReopenedCaseFileTakesDocumentsAndVersionsAgain() {
        closed.reopen();
        Document d = documentIn(open);
        d.fileInto(closed, null);
        d.addVersion(CONTENT, NOW, "clerk");
        assertEquals(2, d.currentVersion());
        assertSame(closed, d.caseFile().orElseThrow());
    }

    private static void closeAfterFiling(CaseFile caseFile) {
        caseFile.close(LocalDate.of(2026, 3, 1));
    }
}
