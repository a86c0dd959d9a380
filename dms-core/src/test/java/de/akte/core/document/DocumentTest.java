package de.akte.core.document;

import de.akte.core.casefile.CaseFile;
import de.akte.core.casefile.CaseFileClosedException;
import de.akte.core.casefile.FileReference;
import de.akte.core.casefile.Process;
import de.akte.core.classification.Label;
import de.akte.core.classification.Prediction;
import de.akte.core.department.Department;
import de.akte.core.shared.ConflictException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A document's versions and processing states, where it may be filed, and that a closed (zdA) case file is final:
 * every way a document could enter, leave or change in it is refused.
 */
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

    private static ContentDescriptor content(char hash) {
        return new ContentDescriptor(String.valueOf(hash).repeat(64), 10, "text/plain", "brief-" + hash + ".txt");
    }

    @Test
    void aNewDocumentWaitsForProcessingUnderItsTrimmedTitle() {
        Document d = new Document("  Brief ", ordnung, null, null, "Antrag", NOW, "clerk");
        assertEquals("Brief", d.title());
        assertEquals(DocumentStatus.RECEIVED, d.status());
        assertEquals(0, d.currentVersion());
        assertTrue(d.versions().isEmpty());
        assertTrue(d.caseFile().isEmpty());
        assertTrue(d.filingState().isEmpty(), "not recognised yet");
        assertEquals("Antrag", d.documentType().orElseThrow());
        assertThrows(IllegalStateException.class, d::current, "no version to show yet");
    }

    @Test
    void refusesADocumentWithoutTitle() {
        assertThrows(IllegalArgumentException.class, () -> new Document(" ", ordnung, null, null, null, NOW, "clerk"));
        Document d = documentIn(open);
        assertThrows(IllegalArgumentException.class, () -> d.retitle(null));
        assertEquals("Brief", d.title());
    }

    @Test
    void versionsAreNumberedFromOneAndTheNewestIsCurrent() {
        Document d = documentIn(null);
        DocumentVersion second = d.addVersion(content('b'), NOW, "clerk");
        assertEquals(2, second.number());
        assertEquals(2, d.currentVersion());
        assertSame(second, d.current());
        assertEquals(List.of(1, 2), d.versions().stream().map(DocumentVersion::number).toList());
        assertEquals("a".repeat(64), d.version(1).orElseThrow().sha256());
        assertTrue(d.version(3).isEmpty());
    }

    @Test
    void aNewVersionIsProcessedAgain() {
        Document d = documentIn(null);
        d.startProcessing();
        d.fail("Tesseract fehlt");
        d.addVersion(content('b'), NOW, "clerk");
        assertEquals(DocumentStatus.RECEIVED, d.status());
        assertTrue(d.statusReason().isEmpty());
    }

    @Test
    void processingMovesThroughItsStatesAndClearsTheReasonWhenItGoesOn() {
        Document d = documentIn(null);
        d.startProcessing();
        assertEquals(DocumentStatus.PROCESSING, d.status());
        d.markReady();
        assertEquals(DocumentStatus.READY, d.status());
        assertTrue(d.statusReason().isEmpty());
        d.quarantine(" Schadsoftware gefunden ");
        assertEquals(DocumentStatus.QUARANTINED, d.status());
        assertEquals("Schadsoftware gefunden", d.statusReason().orElseThrow());
        d.awaitProcessing("retry requested by admin");
        assertEquals(DocumentStatus.RECEIVED, d.status());
        assertEquals("retry requested by admin", d.statusReason().orElseThrow());
        d.awaitProcessing(null);
        assertTrue(d.statusReason().isEmpty());
        d.startProcessing();
        assertTrue(d.statusReason().isEmpty());
    }

    @Test
    void aFailureAlwaysHasAReasonOfAtMost2000Characters() {
        Document d = documentIn(null);
        d.fail("  ");
        assertEquals(DocumentStatus.FAILED, d.status());
        assertEquals("unknown reason", d.statusReason().orElseThrow());
        d.quarantine(null);
        assertEquals("unknown reason", d.statusReason().orElseThrow());
        d.fail("x".repeat(2500));
        String reason = d.statusReason().orElseThrow();
        assertEquals(2000, reason.length());
        assertTrue(reason.endsWith("x..."), "a cut reason says so");
        d.fail("y".repeat(2000));
        assertEquals("y".repeat(2000), d.statusReason().orElseThrow(), "2000 characters fit uncut");
    }

    @Test
    void aBlankDocumentTypeMeansNone() {
        Document d = documentIn(open);
        d.classifyAs(" Bescheid ");
        assertEquals("Bescheid", d.documentType().orElseThrow());
        d.classifyAs(" ");
        assertTrue(d.documentType().isEmpty());
    }

    @Test
    void keepsTheClassifiersPredictionsAndWhereTheDocumentStands() {
        Document d = documentIn(null);
        d.classified(Map.of(Label.DOCUMENT_TYPE, new Prediction("Bescheid", 0.9, "similar to 3 of 3")),
                FilingState.REVIEW);
        assertEquals(FilingState.REVIEW, d.filingState().orElseThrow());
        assertEquals("Bescheid", d.predictions().get(Label.DOCUMENT_TYPE).value());
        d.classified(Map.of(Label.DEPARTMENT, new Prediction("32", 0.5, "rule")), FilingState.AUTO_FILED);
        assertEquals(Map.of(Label.DEPARTMENT, new Prediction("32", 0.5, "rule")), d.predictions(),
                "a new classification replaces the old one");
        d.filedByPerson();
        assertEquals(FilingState.FILED, d.filingState().orElseThrow());
    }

    @Test
    void refusesACaseFileOfAnotherDepartment() {
        CaseFile bau = new CaseFile(new FileReference("63-1/2026"), "Bauakte", new Department("63", "Bauamt", NOW),
                null, LocalDate.of(2026, 1, 5), NOW, "clerk");
        Document d = documentIn(open);
        ConflictException e = assertThrows(ConflictException.class, () -> d.fileInto(bau, null));
        assertEquals("case file 63-1/2026 belongs to department 63, the document to 32", e.getMessage());
        assertSame(open, d.caseFile().orElseThrow());
        assertThrows(ConflictException.class, () -> new Document("Brief", ordnung, bau, null, null, NOW, "clerk"),
                "a new document cannot be filed there either");
    }

    @Test
    void refusesAProcessOfAnotherCaseFile() {
        CaseFile other = caseFile("32-41/2027");
        Process elsewhere = new Process(other, "Anhörung", NOW, "clerk");
        Document d = documentIn(open);
        assertThrows(ConflictException.class, () -> d.fileInto(open, elsewhere));
        assertThrows(ConflictException.class, () -> d.fileInto(null, elsewhere), "no process without its case file");
        assertTrue(d.process().isEmpty());
        assertThrows(ConflictException.class, () -> new Document("Brief", ordnung, open, elsewhere, null, NOW,
                "clerk"));
        assertThrows(ConflictException.class, () -> new Document("Brief", ordnung, null, elsewhere, null, NOW,
                "clerk"));
    }

    @Test
    void filesIntoAProcessOfItsCaseFileAndOutAgain() {
        Process process = new Process(open, "Anhörung", NOW, "clerk");
        Document d = new Document("Brief", ordnung, open, process, null, NOW, "clerk");
        assertSame(process, d.process().orElseThrow());
        d.fileInto(open, null);
        assertTrue(d.process().isEmpty());
        d.fileInto(null, null);
        assertTrue(d.caseFile().isEmpty());
    }

    @Test
    void movingToAnotherDepartmentTakesTheDocumentOutOfItsCaseFile() {
        Process process = new Process(open, "Anhörung", NOW, "clerk");
        Document d = new Document("Brief", ordnung, open, process, null, NOW, "clerk");
        d.moveTo(new Department("63", "Bauamt", NOW));
        assertEquals("63", d.department().code());
        assertTrue(d.caseFile().isEmpty());
        assertTrue(d.process().isEmpty());
    }

    @Test
    void aRoutingNoteWaitsUntilTheRegistryDecided() {
        Document d = documentIn(null);
        d.awaitRouting("  Die Registratur prüft die Zuordnung. ");
        assertEquals("Die Registratur prüft die Zuordnung.", d.routingNote().orElseThrow());
        d.routed();
        assertTrue(d.routingNote().isEmpty());
        d.awaitRouting(" ");
        assertFalse(d.routingNote().isPresent(), "a blank note is none");
    }

    @Test
    void remembersTheScannedBatchItWasCutFrom() {
        Document d = documentIn(null);
        assertTrue(d.batchDocumentId().isEmpty());
        d.cutFrom(17);
        assertEquals(17L, d.batchDocumentId().orElseThrow());
    }
}
